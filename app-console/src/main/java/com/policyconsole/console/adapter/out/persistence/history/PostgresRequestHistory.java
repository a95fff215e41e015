package com.policyconsole.console.adapter.out.persistence.history;

import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.BlockTargetParser;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.KnownPolicy;
import com.policyconsole.domain.model.history.Operation;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.port.HistoryUnavailableException;
import com.policyconsole.domain.port.out.PolicyInventory;
import com.policyconsole.domain.port.out.RequestHistory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The request history and the guardrail inventory on PostgreSQL. Each write is its own transaction, and
 * any failure — including at commit — surfaces as {@link HistoryUnavailableException}, so the domain
 * never calls the cloud for a request that is not durably recorded.
 */
@ApplicationScoped
public class PostgresRequestHistory implements RequestHistory, PolicyInventory {

    private static final Logger LOG = Logger.getLogger(PostgresRequestHistory.class);

    /** The outcome of a request whose record could not be confirmed: the cloud was not called. */
    private static final CloudOutcome NOT_SENT = new CloudOutcome.Failed(0, "NOT_SENT",
            "Not sent: the history could not confirm this record when it was written, so the cloud was not called.",
            null, null);

    private final Clock clock;
    private final Queue<LateOutcome> lateOutcomes = new ConcurrentLinkedQueue<>();

    public PostgresRequestHistory(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records the request as PENDING. When the commit itself fails (the database went away while committing), the row
     * may exist although the caller is told it does not and calls nothing: that entry is completed as not sent once
     * the database is back, so that it is not left PENDING.
     */
    @Override
    public long recordPending(PendingRequest request) {
        long[] assigned = {0};
        try {
            return inNewTransaction("record the request", () -> {
                HistoryEntryEntity entry = HistoryMapper.toPendingEntity(request);
                entry.persist();
                entry.flush();
                assigned[0] = entry.id;
                HistoryMapper.toTargetEntities(entry.id, request).forEach(t -> t.persist());
                return entry.id;
            });
        } catch (HistoryUnavailableException e) {
            if (assigned[0] > 0) {
                lateOutcomes.add(new LateOutcome(assigned[0], NOT_SENT, Duration.ZERO, clock.instant()));
            }
            throw e;
        }
    }


    /**
     * Records the outcome; when the database cannot take it now, the outcome is kept and written by
     * {@link #writeLateOutcomes()} once the database is back (a console stopped before then leaves the entry PENDING,
     * which the start-up reconciliation turns into UNKNOWN).
     */
    @Override
    public void recordOutcome(long entryId, CloudOutcome outcome, Duration elapsed) {
        LateOutcome late = new LateOutcome(entryId, outcome, elapsed, clock.instant());
        try {
            write(late);
        } catch (HistoryUnavailableException e) {
            lateOutcomes.add(late);
            LOG.warnf("the outcome of history entry %d could not be written (%s); it will be written when the"
                    + " database is back", entryId, e.getMessage());
            throw e;
        }
    }

    /** Writes the outcomes the database could not take when they came, oldest first; stops at the first failure. */
    @Scheduled(every = "${policyconsole.history.late-outcome-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void writeLateOutcomes() {
        LateOutcome late;
        while ((late = lateOutcomes.peek()) != null) {
            try {
                write(late);
            } catch (HistoryUnavailableException e) {
                return;
            }
            lateOutcomes.remove(late);
            LOG.infof("the outcome of history entry %d was written late (%s)", late.entryId(),
                    late.outcome().getClass().getSimpleName());
        }
    }

    /** How many outcomes wait for the database. */
    public int lateOutcomeCount() {
        return lateOutcomes.size();
    }

    private record LateOutcome(long entryId, CloudOutcome outcome, Duration elapsed, Instant completedAt) {
    }

    private void write(LateOutcome late) {
        inNewTransaction("record the outcome", () -> {
            HistoryEntryEntity entry = HistoryEntryEntity.findById(late.entryId());
            if (entry == null && late.outcome() == NOT_SENT) {
                return null; // the insert was not committed after all: nothing to complete
            }
            if (entry == null) {
                throw new IllegalStateException("history entry " + late.entryId() + " does not exist");
            }
            if (RequestStatus.PENDING.name().equals(entry.status)) {
                HistoryMapper.applyOutcome(entry, late.outcome(), late.elapsed(), late.completedAt());
            }
            return null;
        });
    }

    @Override
    public WorkspacePolicies policies(SecMasterWorkspace workspace) {
        return inNewTransaction("read the known policies", () -> {
            Instant now = clock.instant();
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

    @Override
    public Set<String> ruleNames(String domainId) {
        return inNewTransaction("read the known rules", () -> {
            List<HistoryEntryEntity> entries = HistoryEntryEntity.list("operation = ?1 and status = ?2 and domainId = ?3",
                    Operation.ADD_CONFIG_RULE.name(), RequestStatus.SUCCEEDED.name(), domainId);
            Set<String> names = new HashSet<>();
            entries.forEach(e -> names.add(e.ruleName));
            return names;
        });
    }

    /**
     * The create entries of the workspace whose policy exists: the create succeeded, or a retry of it (or of a
     * retry of it) did. A retry entry stands for its original create, so each policy counts once.
     */
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

    private static <T> T inNewTransaction(String what, Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (RuntimeException e) {
            throw new HistoryUnavailableException("could not " + what + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
