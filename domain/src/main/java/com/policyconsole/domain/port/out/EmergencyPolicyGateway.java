package com.policyconsole.domain.port.out;

import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.WorkspacePolicies;

/** SecMaster's emergency-policy endpoints, as the domain needs them. */
public interface EmergencyPolicyGateway {

    /**
     * Sends a create or retry ({@code POST …/soc/policys?action_type=…}). Never throws for cloud or network
     * failures: they come back as {@link CloudOutcome.Refused}, {@link CloudOutcome.Failed} or
     * {@link CloudOutcome.Unknown}.
     */
    CloudOutcome submit(EmergencyPolicyRequest request);

    /**
     * Reads the workspace's policies back ({@code POST …/soc/policys/search}), for the guardrails.
     *
     * @throws CloudReadException when the cloud cannot be read
     */
    WorkspacePolicies search(SecMasterWorkspace workspace, String secmasterVersion);
}
