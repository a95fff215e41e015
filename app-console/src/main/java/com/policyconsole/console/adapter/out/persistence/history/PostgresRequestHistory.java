package com.policyconsole.console.adapter.out.persistence.history;

import com.policyconsole.domain.model.config.HistoryRule;
import com.policyconsole.domain.model.emergency.BlockTarget;
import com.policyconsole.domain.model.emergency.BlockTargetParser;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.KnownPolicy;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.model.history.SubmittedRequest;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.port.HistoryUnavailableException;
import com.policyconsole.domain.port.out.ApprovalStore;
import com.policyconsole.domain.port.out.ConfigRuleHistory;
import com.policyconsole.domain.model.approval.ApprovalHold;
import com.policyconsole.domain.port.out.PolicyInventory;
import com.policyconsole.domain.port.out.RequestHistory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The request history and the guardrail inventory on PostgreSQL. Each write is its own transaction, and
 * any failure — including at commit — surfaces as {@link HistoryUnavailableException}, so the domain
 * never calls the cloud for a request that is not durably recorded.
 */
@ApplicationScoped
public class PostgresRequestHistory implements RequestHistory, PolicyInventory, ConfigRuleHistory, ApprovalStore {

    private static final Logger LOG = Logger.getLogger(PostgresRequestHistory.class);

    /** The outcome of a request whose record could not be confirmed: the cloud was not called. */
    private static final CloudOutcome NOT_SENT = new CloudOutcome.Failed(0, "NOT_SENT",
            "Not sent: the history could not confirm this record when it was written, so the cloud was not called.",
            null, null);

    private final Clock clock;
    private final ConsoleLease lease;
    private final Queue<LateOutcome> lateOutcomes = new ConcurrentLinkedQueue<>();

    public PostgresRequestHistory(Clock clock, ConsoleLease lease) {
        this.clock = clock;
        this.lease = lease;
    }

    /**
     * Records the request as PENDING. When the commit itself fails (the database went away while committing), the row
     * may exist although the caller is told it does not and calls nothing: that entry is completed as not sent once
     * the database is back, so that it is not left PENDING.
     */
    @Override
    public long recordPending(PendingRequest request) {
        return recordPending(request, id -> { });
    }

    /**
     * {@link #recordPending(PendingRequest)}, running {@code alsoWithIt} with the new entry's ID in the same
     * transaction (native statements through {@link HistoryEntryEntity#getEntityManager()}); when it throws, nothing
     * is recorded.
     */
    public long recordPending(PendingRequest request, LongConsumer alsoWithIt) {
        return record(request, null, alsoWithIt);
    }

    /** Records the request as AWAITING_APPROVAL with its hold: not to be sent before a second person approves it. */
    @Override
    public long recordAwaiting(PendingRequest request, ApprovalHold hold) {
        return record(request, hold, id -> { });
    }

    private long record(PendingRequest request, ApprovalHold hold, LongConsumer alsoWithIt) {
        long[] assigned = {0};
        RuntimeException[] refused = {null};
        try {
            return inNewTransaction("record the request", () -> {
                HistoryEntryEntity entry = HistoryMapper.toPendingEntity(request);
                if (hold != null) {
                    entry.status = RequestStatus.AWAITING_APPROVAL.name();
                    entry.approvalReasons = String.join("\n", hold.reasons());
                    entry.requestedBy = HistoryMapper.cut(hold.requestedBy(), 64);
                    entry.approvalHash = hold.requestHash();
                    entry.approvalExpiresAt = hold.expiresAt();
                }
                entry.consoleInstance = lease.instanceId();
                entry.persist();
                entry.flush();
                assigned[0] = entry.id;
                HistoryMapper.toTargetEntities(entry.id, request).forEach(t -> t.persist());
                if (request.request() instanceof SubmittedRequest.PolicyChangeSubmission change) {
                    long id = entry.id;
                    entry.flush();
                    session().doWork(c -> PostgresPolicyLifecycle.linkSubjects(c, id, change.change()));
                }
                try {
                    alsoWithIt.accept(entry.id);
                } catch (RuntimeException e) {
                    refused[0] = e;
                    throw e;
                }
                return entry.id;
            });
        } catch (HistoryUnavailableException e) {
            if (refused[0] != null) {
                throw refused[0];
            }
            if (assigned[0] > 0) {
                lateOutcomes.add(new LateOutcome(assigned[0], NOT_SENT, Duration.ZERO, clock.instant()));
            }
            throw e;
        }
    }


    /**
     * Records the outcome; when the database cannot take it now, the outcome is kept and written by
     * {@link #writeLateOutcomes()} once the database is back (a console stopped before then leaves the entry PENDING,
     * which becomes UNKNOWN once its lease expires: {@link ConsoleLease}).
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
                if (RequestStatus.SUCCEEDED.name().equals(entry.status)) {
                    entry.flush();
                    String operation = entry.operation;
                    session().doWork(c -> PostgresPolicyLifecycle.afterOutcome(c, late.entryId(), operation,
                            late.completedAt()));
                }
            }
            return null;
        });
    }

    /**
     * Two indexed questions instead of a list of the workspace: how many policies are active (and how many with
     * ageing), and which active policies hold an object that overlaps one of {@code targets}. The objects are found
     * first, by index — each network looked up in the GiST index of {@code request_target.network} (contains or is
     * contained in), names in the index of {@code lower(target)} — and then kept when their policy is active in this
     * workspace; user names must then be equal, domain names equal in their IDNA form. The workspace's domain names
     * stored in another than ASCII form are all returned: the guardrails compare their IDNA forms.
     */
    @Override
    public WorkspacePolicies policies(SecMasterWorkspace workspace, List<BlockTarget> targets) {
        return inNewTransaction("read the known policies", () -> {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            Object[] counts = (Object[]) HistoryEntryEntity.getEntityManager().createNativeQuery(ACTIVE_POLICIES + """
                    SELECT count(*), count(a.ages_out_at) FROM active a""")
                    .setParameter(1, workspace.projectId()).setParameter(2, workspace.workspaceId())
                    .setParameter(3, now).getSingleResult();
            int total = ((Number) counts[0]).intValue();
            int withAgeing = ((Number) counts[1]).intValue();
            List<String> networks = new ArrayList<>();
            List<String> users = new ArrayList<>();
            List<String> domains = new ArrayList<>();
            for (BlockTarget target : targets) {
                if (target instanceof BlockTarget.IpTarget) {
                    HistoryMapper.network(BlockType.SOURCE_IP, target.text()).ifPresent(networks::add);
                } else if (target instanceof BlockTarget.UserName user) {
                    users.add(user.text());
                } else if (target instanceof BlockTarget.DomainName domain) {
                    domains.add(domain.ascii());
                }
            }
            if (networks.isEmpty() && users.isEmpty() && domains.isEmpty()) {
                return new WorkspacePolicies(List.of(), total, withAgeing);
            }
            List<?> rows = HistoryEntryEntity.getEntityManager().createNativeQuery(ACTIVE_POLICIES + """
                    , hits AS (
                        SELECT t.id, t.entry_id, t.target FROM unnest(CAST(?4 AS cidr[])) AS n(net)
                          JOIN request_target t ON t.network && n.net
                        UNION
                        SELECT t.id, t.entry_id, t.target FROM request_target t
                         WHERE lower(t.target) = ANY (CAST(?5 AS text[])) OR lower(t.target) = ANY (CAST(?6 AS text[]))
                        UNION
                        SELECT t.id, t.entry_id, t.target FROM active a JOIN request_target t ON t.entry_id = a.id
                         WHERE a.block_type = 'DOMAIN_NAME' AND cardinality(CAST(?6 AS text[])) > 0
                           AND t.target !~ '^[ -~]*$'
                    )
                    SELECT a.id, a.policy_category, a.block_type, a.result_id, a.ages_out_at, t.target
                      FROM active a JOIN hits t ON t.entry_id = a.id
                     WHERE a.block_type <> 'USER_NAME' OR t.target = ANY (CAST(?7 AS text[]))
                     ORDER BY a.id, t.id""")
                    .setParameter(1, workspace.projectId()).setParameter(2, workspace.workspaceId())
                    .setParameter(3, now).setParameter(4, arrayLiteral(networks))
                    .setParameter(5, arrayLiteral(users.stream().map(u -> u.toLowerCase(Locale.ROOT)).toList()))
                    .setParameter(6, arrayLiteral(domains)).setParameter(7, arrayLiteral(users)).getResultList();
            Map<Long, KnownPolicyRows> byEntry = new LinkedHashMap<>();
            for (Object row : rows) {
                Object[] c = (Object[]) row;
                long id = ((Number) c[0]).longValue();
                byEntry.computeIfAbsent(id, k -> new KnownPolicyRows(id, (String) c[1], (String) c[2], (String) c[3],
                        HistorySearch.instant(c[4]))).targets().add((String) c[5]);
            }
            List<KnownPolicy> policies = byEntry.values().stream().map(KnownPolicyRows::toKnownPolicy).toList();
            return new WorkspacePolicies(policies, total, withAgeing);
        });
    }

    /**
     * The create entries of the workspace whose policy exists and is active at ?3: the create succeeded, or a retry
     * of it (or of a retry of it) did, and it was not removed through the console; its ageing is the changed one if it
     * was changed. A retry entry stands for its original create, so each policy counts once.
     */
    private static final String ACTIVE_POLICIES = """
            WITH RECURSIVE chain(id, root) AS (
                SELECT id, id FROM request_history
                 WHERE operation = 'CREATE_EMERGENCY_POLICY' AND retry_of IS NULL
                   AND project_id = ?1 AND workspace_id = ?2
                UNION ALL
                SELECT h.id, c.root FROM request_history h JOIN chain c ON h.retry_of = c.id
            ), known AS (
                SELECT r.id, r.policy_category, r.block_type, r.result_id,
                       CASE WHEN s.ageing_changed THEN s.ages_out_at ELSE r.ages_out_at END AS ages_out_at
                  FROM request_history r LEFT JOIN secmaster_policy s ON s.entry_id = r.id
                 WHERE r.id IN (SELECT c.root FROM chain c JOIN request_history h ON h.id = c.id
                                 WHERE h.status = 'SUCCEEDED')
                   AND s.removed_by IS NULL
                   AND r.policy_category IS NOT NULL AND r.block_type IS NOT NULL
            ), active AS (
                SELECT * FROM known WHERE ages_out_at IS NULL OR ages_out_at > ?3
            )
            """;

    /** One known policy as its rows come: the entry and the objects of it that matched. */
    private record KnownPolicyRows(long id, String category, String blockType, String resultId, Instant agesOutAt,
                                   List<String> targets) {
        KnownPolicyRows(long id, String category, String blockType, String resultId, Instant agesOutAt) {
            this(id, category, blockType, resultId, agesOutAt, new ArrayList<>());
        }

        KnownPolicy toKnownPolicy() {
            BlockType type = BlockType.valueOf(blockType);
            List<BlockTarget> parsed = targets.stream()
                    .map(t -> BlockTargetParser.parse(type, t))
                    .filter(BlockTargetParser.Result.Parsed.class::isInstance)
                    .map(r -> ((BlockTargetParser.Result.Parsed) r).target())
                    .toList();
            String reference = "#" + id + (resultId == null ? "" : " (task " + resultId + ")");
            return new KnownPolicy(reference, PolicyCategory.valueOf(category), parsed, agesOutAt);
        }
    }

    /** A PostgreSQL array literal of texts, each quoted: {@code {"a","b"}}. */
    private static String arrayLiteral(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (String value : values) {
            out.append(out.length() > 1 ? "," : "").append('"')
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }


    /** The names of the rules the console added to the account and has not deleted since. */
    @Override
    public Set<String> ruleNames(String domainId) {
        Set<String> names = new HashSet<>();
        historyRules(domainId).forEach(r -> names.add(r.name()));
        return names;
    }

    /**
     * The account's rules the console added (successfully) and has not deleted since: a later successful delete of the
     * same rule ID, or of the same name when the add's answer had no ID, ends a rule.
     */
    @Override
    public List<HistoryRule> historyRules(String domainId) {
        return inNewTransaction("read the known rules", () -> {
            List<?> rows = HistoryEntryEntity.getEntityManager().createNativeQuery("""
                    SELECT a.rule_name, a.result_id, a.id, a.actor, a.requested_at FROM request_history a
                     WHERE a.operation = 'ADD_CONFIG_RULE' AND a.status = 'SUCCEEDED' AND a.domain_id = :domain
                       AND NOT EXISTS (SELECT 1 FROM request_history d
                                        WHERE d.operation = 'DELETE_CONFIG_RULE' AND d.status = 'SUCCEEDED'
                                          AND d.domain_id = a.domain_id AND d.id > a.id
                                          AND (d.rule_id = a.result_id OR a.result_id IS NULL AND d.rule_name = a.rule_name))
                     ORDER BY a.id DESC""").setParameter("domain", domainId).getResultList();
            List<HistoryRule> rules = new ArrayList<>();
            for (Object row : rows) {
                Object[] c = (Object[]) row;
                rules.add(new HistoryRule((String) c[0], (String) c[1], ((Number) c[2]).longValue(), (String) c[3],
                        instant(c[4])));
            }
            return rules;
        });
    }

    @Override
    public Optional<ApprovalHold> hold(long entryId) {
        return inNewTransaction("read an approval", () -> {
            List<?> rows = HistoryEntryEntity.getEntityManager().createNativeQuery("""
                    SELECT approval_reasons, requested_by, approval_hash, approval_expires_at, decided_by, decided_at,
                           decision_reason FROM request_history WHERE id = :id AND approval_hash IS NOT NULL""")
                    .setParameter("id", entryId).getResultList();
            if (rows.isEmpty()) {
                return Optional.<ApprovalHold>empty();
            }
            Object[] c = (Object[]) rows.get(0);
            return Optional.of(new ApprovalHold(List.of(((String) c[0]).split("\n")), (String) c[1], (String) c[2],
                    instant(c[3]), (String) c[4], c[5] == null ? null : instant(c[5]), (String) c[6]));
        });
    }

    @Override
    public List<Long> awaiting(Long before, int limit) {
        return inNewTransaction("read the approvals", () -> {
            List<?> rows = HistoryEntryEntity.getEntityManager().createNativeQuery("""
                    SELECT id FROM request_history WHERE status = 'AWAITING_APPROVAL' AND id < :before
                     ORDER BY id DESC LIMIT :limit""")
                    .setParameter("before", before == null ? Long.MAX_VALUE : before)
                    .setParameter("limit", limit)
                    .getResultList();
            return rows.stream().map(r -> ((Number) r).longValue()).toList();
        });
    }

    @Override
    public boolean decide(long entryId, boolean approved, String by, String reason, Instant at) {
        return inNewTransaction("decide an approval", () -> HistoryEntryEntity.getEntityManager().createNativeQuery("""
                UPDATE request_history SET status = :status, decided_by = :by, decided_at = CAST(:at AS timestamptz),
                       decision_reason = :why,
                       completed_at = CASE WHEN CAST(:approved AS boolean) THEN NULL ELSE CAST(:at AS timestamptz) END
                 WHERE id = :id AND status = 'AWAITING_APPROVAL' AND approval_expires_at > CAST(:at AS timestamptz)""")
                .setParameter("status", approved ? RequestStatus.PENDING.name() : RequestStatus.REJECTED.name())
                .setParameter("by", HistoryMapper.cut(by, 128)).setParameter("at", at.atOffset(ZoneOffset.UTC))
                .setParameter("why", reason).setParameter("approved", approved).setParameter("id", entryId)
                .executeUpdate() == 1);
    }

    @Override
    public int expire(Instant at) {
        return inNewTransaction("expire approvals", () -> HistoryEntryEntity.getEntityManager().createNativeQuery("""
                UPDATE request_history SET status = 'EXPIRED', completed_at = approval_expires_at
                 WHERE status = 'AWAITING_APPROVAL' AND approval_expires_at <= :at""")
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).executeUpdate());
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    private static org.hibernate.Session session() {
        return HistoryEntryEntity.getEntityManager().unwrap(org.hibernate.Session.class);
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
