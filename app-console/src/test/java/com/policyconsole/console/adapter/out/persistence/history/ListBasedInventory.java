package com.policyconsole.console.adapter.out.persistence.history;

import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.BlockTargetParser;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.KnownPolicy;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The guardrail inventory as it was before it answered questions: every active policy of the workspace with all its
 * objects, loaded as entities and parsed. The reference the query-based inventory is checked against.
 */
final class ListBasedInventory {

    private ListBasedInventory() {
    }

    static WorkspacePolicies policies(SecMasterWorkspace workspace, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> roots = activeRoots(workspace);
            List<HistoryEntryEntity> entries = roots.isEmpty() ? List.of() : HistoryEntryEntity.list(
                    "id in ?1 and (agesOutAt is null or agesOutAt > ?2)", roots, now);
            Map<Long, List<String>> targets = targetsOf(entries);
            List<KnownPolicy> policies = new ArrayList<>(entries.size());
            int withAgeing = 0;
            for (HistoryEntryEntity e : entries) {
                if (e.policyCategory == null || e.blockType == null) {
                    continue;
                }
                if (e.agesOutAt != null) {
                    withAgeing++;
                }
                BlockType type = BlockType.valueOf(e.blockType);
                List<BlockTarget> parsed = targets.getOrDefault(e.id, List.of()).stream()
                        .map(t -> BlockTargetParser.parse(type, t))
                        .filter(BlockTargetParser.Result.Parsed.class::isInstance)
                        .map(r -> ((BlockTargetParser.Result.Parsed) r).target())
                        .toList();
                String reference = "#" + e.id + (e.resultId == null ? "" : " (task " + e.resultId + ")");
                policies.add(new KnownPolicy(reference, PolicyCategory.valueOf(e.policyCategory), parsed, e.agesOutAt));
            }
            return new WorkspacePolicies(policies, policies.size(), withAgeing);
        });
    }

    private static List<Long> activeRoots(SecMasterWorkspace workspace) {
        List<?> rows = HistoryEntryEntity.getEntityManager().createNativeQuery("""
                WITH RECURSIVE chain(id, root) AS (
                    SELECT id, id FROM request_history
                     WHERE operation = 'CREATE_EMERGENCY_POLICY' AND retry_of IS NULL
                       AND project_id = ?1 AND workspace_id = ?2
                    UNION ALL
                    SELECT h.id, c.root FROM request_history h JOIN chain c ON h.retry_of = c.id
                )
                SELECT DISTINCT c.root FROM chain c JOIN request_history h ON h.id = c.id
                 WHERE h.status = 'SUCCEEDED'
                """).setParameter(1, workspace.projectId()).setParameter(2, workspace.workspaceId()).getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }

    private static Map<Long, List<String>> targetsOf(List<HistoryEntryEntity> entries) {
        Map<Long, List<String>> byEntry = new HashMap<>();
        if (entries.isEmpty()) {
            return byEntry;
        }
        List<Long> ids = entries.stream().map(e -> e.id).toList();
        List<RequestTargetEntity> rows = RequestTargetEntity.list("entryId in ?1", ids);
        rows.forEach(r -> byEntry.computeIfAbsent(r.entryId, k -> new ArrayList<>()).add(r.target));
        return byEntry;
    }
}
