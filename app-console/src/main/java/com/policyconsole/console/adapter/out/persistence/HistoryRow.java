package com.policyconsole.console.adapter.out.persistence;

import java.time.Instant;
import java.util.List;

/** One history entry as pages and exports show it (never the entity itself). */
public record HistoryRow(
        long id,
        String operation,
        String actor,
        String status,
        Instant requestedAt,
        Instant completedAt,
        Long durationMs,
        String projectId,
        String workspaceId,
        String domainId,
        String policyCategory,
        String blockType,
        Instant agesOutAt,
        String ruleName,
        Long retryOf,
        Integer httpStatus,
        String errorCode,
        String errorMessage,
        String cloudRequestId,
        String resultId,
        String resultState,
        List<String> targets) {

    /**
     * Whether this is a SecMaster create that failed or may have failed. A PENDING entry is not (its call may still
     * be running), nor a retry entry: it is resolved from the create it retried.
     */
    public boolean isRetryable() {
        return "CREATE_EMERGENCY_POLICY".equals(operation) && ("FAILED".equals(status) || "UNKNOWN".equals(status));
    }
}
