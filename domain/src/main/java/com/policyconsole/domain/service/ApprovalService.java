package com.policyconsole.domain.service;

import com.policyconsole.domain.model.approval.ApprovalHold;
import com.policyconsole.domain.model.approval.ApprovalRules;
import com.policyconsole.domain.model.bulk.JobProgress;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.model.history.Operation;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.port.in.ApprovalsUseCase;
import com.policyconsole.domain.port.in.ApprovalsUseCase.Why;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.port.out.ApprovalStore;
import com.policyconsole.domain.port.out.BulkJobStore;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.port.out.HistoryReader;
import com.policyconsole.domain.port.out.PreparedCall;
import com.policyconsole.domain.port.out.RequestHistory;
import com.policyconsole.domain.port.in.ManageAccountsUseCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Four-eyes approval of held submissions (emergency policy creates, removals and ageing changes, Config rule disables,
 * updates and deletes) and held bulk jobs. An approval
 * is refused for one's own, once decided or expired, without a reason, and when what the console would send now is not
 * what was recorded (its hash differs); otherwise exactly the recorded request is sent and its outcome recorded on the
 * same entry, or the job's deliveries start. A rejection needs a reason; the requester may withdraw.
 */
public final class ApprovalService implements ApprovalsUseCase {

    /** The longest reason kept. */
    static final int MAX_REASON = 512;

    private final ApprovalStore holds;
    private final HistoryReader reader;
    private final RequestHistory history;
    private final EmergencyPolicyGateway gateway;
    private final ConfigRuleLifecycleService rules;
    private final PolicyLifecycleService policies;
    private final BulkJobStore jobs;
    private final Clock clock;
    private final ManageAccountsUseCase accounts;
    private final Duration validity;
    private final boolean onePersonTrial;

    /** Approvals of emergency policy creates only. */
    public ApprovalService(ApprovalStore holds, HistoryReader reader, RequestHistory history,
                           EmergencyPolicyGateway gateway, Clock clock) {
        this(holds, reader, history, gateway, null, null, clock);
    }

    /**
     * @param rules sends approved Config rule deletes; null: none are held
     * @param jobs the bulk jobs, some held; null: none are held
     */
    public ApprovalService(ApprovalStore holds, HistoryReader reader, RequestHistory history,
                           EmergencyPolicyGateway gateway, ConfigRuleLifecycleService rules, BulkJobStore jobs,
                           Clock clock) {
        this(holds, reader, history, gateway, rules, null, jobs, null, ApprovalRules.DEFAULT, clock);
    }

    /**
     * @param policies sends approved removals and ageing changes; null: none are held
     * @param accounts tells whether an approver's approval counts (their password and roles their own); null: every
     *                 approver other than the requester counts
     * @param approvals the validity (how far back a password or roles set by someone else make an approval not count)
     *                  and whether this is a one-person trial (the requester's own approval counts)
     */
    public ApprovalService(ApprovalStore holds, HistoryReader reader, RequestHistory history,
                           EmergencyPolicyGateway gateway, ConfigRuleLifecycleService rules,
                           PolicyLifecycleService policies, BulkJobStore jobs, ManageAccountsUseCase accounts,
                           ApprovalRules approvals, Clock clock) {
        Objects.requireNonNull(approvals, "'approvals' must not be null");
        this.validity = approvals.validity();
        this.onePersonTrial = approvals.onePersonTrial();
        this.accounts = accounts;
        this.policies = policies;
        this.rules = rules;
        this.jobs = jobs;
        this.holds = Objects.requireNonNull(holds, "'holds' must not be null");
        this.reader = Objects.requireNonNull(reader, "'reader' must not be null");
        this.history = Objects.requireNonNull(history, "'history' must not be null");
        this.gateway = Objects.requireNonNull(gateway, "'gateway' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public List<Held> awaiting(Long before) {
        holds.expire(clock.instant());
        return holds.awaiting(before, PAGE).stream().map(id -> heldAsRecorded(id.longValue())).flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<Held> held(long entryId) {
        holds.expire(clock.instant());
        return heldAsRecorded(entryId);
    }

    /** The held entry as recorded, without expiring anything first. */
    private Optional<Held> heldAsRecorded(long entryId) {
        Optional<ApprovalHold> hold = holds.hold(entryId);
        Optional<HistoryDetail> detail = hold.isEmpty() ? Optional.empty() : reader.detail(entryId);
        return detail.map(d -> new Held(d, hold.get()));
    }

    @Override
    public Decision approve(String approver, long entryId, String reason) {
        Instant now = clock.instant();
        Optional<Held> found = held(entryId);
        Decision refused = refusal(found.map(h -> h.detail().entry().status().name()).orElse(null),
                found.map(h -> h.hold().requestedBy()).orElse(null), approver, reason, true);
        if (refused != null) {
            return refused;
        }
        Held held = found.get();
        Operation operation = held.detail().entry().operation();
        boolean ruleDelete = operation == Operation.DELETE_CONFIG_RULE;
        Optional<PreparedCall> prepared = prepareAgain(held);
        if (prepared.isEmpty()) {
            return new Decision.Refused(Why.CHANGED,
                    "the recorded request cannot be read back by this console, so it is not sent");
        }
        PreparedCall call = prepared.get();
        if (!ApprovalHold.hash(call.rendered()).equals(held.hold().requestHash())) {
            return new Decision.Refused(Why.CHANGED, "the request the console would send now is not the one recorded"
                    + " and asked for (its hash differs): nothing is sent; reject it and ask again");
        }
        if (!holds.decide(entryId, true, approver, reason.strip(), now)) {
            return new Decision.Refused(Why.NOT_AWAITING, "it was decided or expired meanwhile; nothing is sent");
        }
        if (ruleDelete) {
            return new Decision.Approved(rules.sendApprovedDelete(held.detail().entry(), call));
        }
        SubmissionPipeline.Delivered delivered = SubmissionPipeline.sendAndRecord(call, entryId, history);
        return new Decision.Approved(new SubmissionResult.Sent(entryId, delivered.outcome(),
                com.policyconsole.domain.validation.Violations.none(), delivered.recorded()));
    }

    /** The held request prepared again as the console would send it now; empty when it cannot be read back. */
    private Optional<PreparedCall> prepareAgain(Held held) {
        HistoryEntry entry = held.detail().entry();
        RenderedRequest recorded = held.detail().request();
        switch (entry.operation()) {
            case DELETE_CONFIG_RULE:
                return rules == null ? Optional.empty() : Optional.of(rules.heldDelete(entry));
            case DISABLE_CONFIG_RULE:
                return rules == null ? Optional.empty() : Optional.of(rules.heldDisable(entry));
            case UPDATE_CONFIG_RULE:
                return rules == null ? Optional.empty() : rules.heldUpdate(entry, recorded);
            case REMOVE_EMERGENCY_POLICY:
            case CHANGE_POLICY_AGEING:
                return policies == null ? Optional.empty() : policies.held(recorded);
            case CREATE_EMERGENCY_POLICY:
                return gateway.readBack(recorded).map(gateway::prepare);
            default:
                return Optional.empty();
        }
    }

    @Override
    public Decision reject(String approver, long entryId, String reason) {
        Optional<Held> found = held(entryId);
        Decision refused = refusal(found.map(h -> h.detail().entry().status().name()).orElse(null),
                found.map(h -> h.hold().requestedBy()).orElse(null), approver, reason, false);
        if (refused != null) {
            return refused;
        }
        if (!holds.decide(entryId, false, approver, reason.strip(), clock.instant())) {
            return new Decision.Refused(Why.NOT_AWAITING, "it was decided or expired meanwhile");
        }
        return new Decision.Rejected(entryId);
    }

    @Override
    public Decision withdraw(String requester, long entryId) {
        Optional<Held> found = held(entryId);
        Decision refused = refusal(found.map(h -> h.detail().entry().status().name()).orElse(null),
                found.map(h -> h.hold().requestedBy()).orElse(null), requester, "withdrawn by its requester", false);
        if (refused != null) {
            return refused;
        }
        if (!ApprovalHold.userOf(requester).equalsIgnoreCase(found.get().hold().requestedBy())) {
            return new Decision.Refused(Why.NOT_ALLOWED,
                    "only its requester withdraws a submission; an approver rejects it");
        }
        if (!holds.decide(entryId, false, requester, "withdrawn by its requester", clock.instant())) {
            return new Decision.Refused(Why.NOT_AWAITING, "it was decided or expired meanwhile");
        }
        return new Decision.Rejected(entryId);
    }

    @Override
    public List<HeldJob> awaitingJobs() {
        if (jobs == null) {
            return List.of();
        }
        jobs.expireJobs(clock.instant());
        return jobs.awaitingJobs().stream().map(id -> jobAsRecorded(id.longValue())).flatMap(Optional::stream)
                .toList();
    }

    @Override
    public Optional<HeldJob> heldJob(long jobId) {
        if (jobs == null) {
            return Optional.empty();
        }
        jobs.expireJobs(clock.instant());
        return jobAsRecorded(jobId);
    }

    /** The held job as recorded, without expiring anything first. */
    private Optional<HeldJob> jobAsRecorded(long jobId) {
        Optional<ApprovalHold> hold = jobs.jobHold(jobId);
        Optional<JobProgress> job = hold.isEmpty() ? Optional.empty() : jobs.progress(jobId);
        return job.map(j -> new HeldJob(j, hold.get()));
    }

    @Override
    public List<RenderedRequest> jobRequests(long jobId) {
        return jobs == null ? List.of()
                : jobs.jobRequests(jobId).stream().map(r -> gateway.prepare(r).rendered()).toList();
    }

    @Override
    public Decision approveJob(String approver, long jobId, String reason) {
        Instant now = clock.instant();
        Optional<HeldJob> found = heldJob(jobId);
        Decision refused = jobRefusal(found, approver, reason, true);
        if (refused != null) {
            return refused;
        }
        if (!BulkDeliveryService.jobHash(gateway, jobs.jobRequests(jobId)).equals(found.get().hold().requestHash())) {
            return new Decision.Refused(Why.CHANGED, "the deliveries the console would send now are not the ones recorded"
                    + " and asked for (their hash differs): nothing is sent; reject the job and plan it again");
        }
        if (!jobs.decideJob(jobId, true, approver, reason.strip(), now)) {
            return new Decision.Refused(Why.NOT_AWAITING, "it was decided or expired meanwhile; nothing is sent");
        }
        return new Decision.Started(jobId);
    }

    @Override
    public Decision rejectJob(String approver, long jobId, String reason) {
        Decision refused = jobRefusal(heldJob(jobId), approver, reason, false);
        if (refused != null) {
            return refused;
        }
        if (!jobs.decideJob(jobId, false, approver, reason.strip(), clock.instant())) {
            return new Decision.Refused(Why.NOT_AWAITING, "it was decided or expired meanwhile");
        }
        return new Decision.Rejected(jobId);
    }

    private Decision jobRefusal(Optional<HeldJob> found, String approver, String reason, boolean approving) {
        if (found.isEmpty()) {
            return new Decision.Refused(Why.UNKNOWN, "there is no bulk job awaiting approval with this number");
        }
        return refusal(found.get().job().status().name(), found.get().hold().requestedBy(), approver, reason, approving);
    }

    /** Why a decision by {@code approver} is refused, or null: {@code status} null when nothing is held. */
    private Decision refusal(String status, String requestedBy, String approver, String reason,
                                    boolean approving) {
        if (status == null) {
            return new Decision.Refused(Why.UNKNOWN, "there is no submission awaiting approval with this number");
        }
        if (!status.equals(RequestStatus.AWAITING_APPROVAL.name())) {
            return new Decision.Refused(Why.NOT_AWAITING, "it is " + status + ", no longer awaiting approval");
        }
        if (approving && !onePersonTrial && ApprovalHold.userOf(approver).equalsIgnoreCase(requestedBy)) {
            return new Decision.Refused(Why.NOT_ALLOWED, "a submission is approved by another person than its requester");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            return new Decision.Refused(Why.INCOMPLETE, "give a reason of 1 to " + MAX_REASON + " characters");
        }
        if (approving && accounts != null && !onePersonTrial) {
            Optional<String> why = accounts.whyApprovalDoesNotCount(ApprovalHold.userOf(approver), validity);
            if (why.isPresent()) {
                return new Decision.Refused(Why.NOT_ALLOWED, "your approval does not count: " + why.get());
            }
        }
        return null;
    }
}
