package com.policyconsole.domain.port.in;

import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.lifecycle.ActiveBlocks;

/** The workspace's policies as SecMaster reports them, beside what the history knows, with the drift between them. */
public interface ActiveBlocksQuery {

    /**
     * The policies, filtered by {@code search} (an object — an IP also matches a CIDR holding it —, part of one, or a
     * policy ID; blank for all).
     *
     * @throws com.policyconsole.domain.port.CloudReadException when SecMaster cannot be read
     */
    ActiveBlocks activeBlocks(SecMasterWorkspace workspace, String secmasterVersion, String search);
}
