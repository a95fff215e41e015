package com.policyconsole.domain.model.lifecycle;

import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A created policy whose delivery is being followed, as the poll needs it: where it is, its ID once found, and what
 * its create asked for (to find the ID: the same category, objects and ageing).
 *
 * @param entryId the create entry
 * @param workspace project and workspace
 * @param secmasterVersion the version header of the create
 * @param policyId SecMaster's ID, null while not found
 * @param category the create's category (BLOCK or WHITE)
 * @param objects the create's objects
 * @param agesOutAt the create's ageing, null for never
 * @param checks how often its records were read
 * @param trackedSince when the create succeeded
 */
public record TrackedPolicy(long entryId, SecMasterWorkspace workspace, String secmasterVersion, String policyId,
                            String category, List<String> objects, Instant agesOutAt, int checks,
                            Instant trackedSince) {

    public TrackedPolicy {
        Objects.requireNonNull(workspace, "'workspace' must not be null");
        objects = List.copyOf(objects);
    }
}
