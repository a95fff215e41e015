package com.policyconsole.domain.model.history;

import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One recorded request as the history reads it back: what was asked, by whom, and how it ended.
 *
 * @param id entry ID
 * @param operation what was sent
 * @param actor who sent it
 * @param status where it stands
 * @param requestedAt when it was recorded, before the call
 * @param completedAt when its outcome was recorded, null while pending
 * @param durationMs how long the cloud call took, null while pending
 * @param projectId SecMaster project, null for Config
 * @param workspaceId SecMaster workspace, null for Config
 * @param domainId Config account, null for SecMaster
 * @param policyCategory WHITE or BLOCK, null for Config or an unreadable category
 * @param blockType the object type, null for Config or an unreadable type
 * @param agesOutAt when the block ages out, null without ageing
 * @param ruleName the Config rule's name, null for SecMaster
 * @param retryOf the entry this one retries or sends again, or null
 * @param httpStatus the answer's HTTP status, null while pending or without an answer
 * @param errorCode the cloud's error code, or null
 * @param errorMessage the cloud's error message, or null
 * @param cloudRequestId the cloud's request ID, or null
 * @param resultId task ID or rule ID, or null
 * @param resultState the rule's state, or null
 * @param targets the objects (or the rule name), in request order
 * @param ruleId the Config rule an operation on a rule was about (the added rule's ID is {@code resultId}), or null
 * @param stepOf the entry of the operation this one is a later step of (a delete that disabled first), or null
 * @param nextStep the entry of this operation's next step, or null
 */
public record HistoryEntry(
        long id,
        Operation operation,
        String actor,
        RequestStatus status,
        Instant requestedAt,
        Instant completedAt,
        Long durationMs,
        String projectId,
        String workspaceId,
        String domainId,
        PolicyCategory policyCategory,
        BlockType blockType,
        Instant agesOutAt,
        String ruleName,
        Long retryOf,
        Integer httpStatus,
        String errorCode,
        String errorMessage,
        String cloudRequestId,
        String resultId,
        String resultState,
        List<String> targets,
        String ruleId,
        Long stepOf,
        Long nextStep) {

    public HistoryEntry {
        Objects.requireNonNull(operation, "'operation' must not be null");
        Objects.requireNonNull(status, "'status' must not be null");
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /**
     * Whether this is a SecMaster create that failed or may have failed. A PENDING entry is not (its call may still
     * be running), nor a retry entry: it is resolved from the create it retried.
     */
    public boolean isRetryable() {
        return operation == Operation.CREATE_EMERGENCY_POLICY
                && (status == RequestStatus.FAILED || status == RequestStatus.UNKNOWN);
    }
}
