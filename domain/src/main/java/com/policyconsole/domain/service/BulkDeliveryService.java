package com.policyconsole.domain.service;

import com.policyconsole.domain.bulk.BatchParser;
import com.policyconsole.domain.bulk.BulkPlan;
import com.policyconsole.domain.bulk.DeliveryPlanner;
import com.policyconsole.domain.bulk.ParsedBatch;
import com.policyconsole.domain.model.approval.ApprovalHold;
import com.policyconsole.domain.model.approval.ApprovalRules;
import com.policyconsole.domain.model.bulk.BatchObject;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.port.out.EmergencyPolicyGateway;
import com.policyconsole.domain.model.bulk.JobProgress;
import com.policyconsole.domain.model.bulk.SecMasterLimits;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.port.in.BulkDeliveryCommand;
import com.policyconsole.domain.port.in.BulkDeliveryUseCase;
import com.policyconsole.domain.port.in.BulkStartResult;
import com.policyconsole.domain.port.out.BulkJobStore;
import com.policyconsole.domain.port.out.PolicyInventory;
import com.policyconsole.domain.port.out.SecurityActs;
import com.policyconsole.domain.model.audit.SecurityAct;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import com.policyconsole.domain.model.bulk.BulkDraft;
import java.util.Optional;
import com.policyconsole.domain.port.in.DeliveryStatusUseCase;
import com.policyconsole.domain.port.in.SubmissionResult;

/** Plans bulk batches against the workspace's inventory and starts them as jobs in the {@link BulkJobStore}. */
public final class BulkDeliveryService implements BulkDeliveryUseCase {

    private final PolicyInventory inventory;
    private final BulkJobStore jobs;
    private final DeliveryPlanner planner;
    private final Clock clock;
    private final DeliveryStatusUseCase status;
    private final ApprovalRules approvals;
    private final EmergencyPolicyGateway gateway;
    private final SecurityActs acts;

    public BulkDeliveryService(PolicyInventory inventory, BulkJobStore jobs, SecMasterLimits limits, Clock clock) {
        this(inventory, jobs, limits, clock, null, ApprovalRules.NONE, null, SecurityActs.NONE);
    }

    /**
     * @param status retries the deliveries that failed on a layer; null: only unsent failures are retried
     * @param approvals which jobs wait for a second person's approval
     * @param gateway prepares the deliveries' requests whose hash a held job is bound to; null when none is held
     * @param acts where cancelling a job and retrying its failed deliveries are recorded
     */
    public BulkDeliveryService(PolicyInventory inventory, BulkJobStore jobs, SecMasterLimits limits, Clock clock,
                               DeliveryStatusUseCase status, ApprovalRules approvals, EmergencyPolicyGateway gateway,
                               SecurityActs acts) {
        this.acts = Objects.requireNonNull(acts, "'acts' must not be null");
        this.status = status;
        this.approvals = Objects.requireNonNull(approvals, "'approvals' must not be null");
        this.gateway = gateway;
        this.inventory = Objects.requireNonNull(inventory, "'inventory' must not be null");
        this.jobs = Objects.requireNonNull(jobs, "'jobs' must not be null");
        this.planner = new DeliveryPlanner(limits);
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /**
     * {@inheritDoc}
     *
     * @throws com.policyconsole.domain.port.HistoryUnavailableException when the inventory cannot be read
     */
    @Override
    public BulkPlan plan(BulkDeliveryCommand command) {
        Instant now = clock.instant();
        ParsedBatch batch = parse(command);
        WorkspacePolicies existing = batch.objects().isEmpty() ? WorkspacePolicies.empty()
                : inventory.policies(command.template().workspace(),
                        batch.objects().stream().map(BatchObject::target).toList());
        return planner.plan(command.template(), batch, existing, now);
    }

    @Override
    public List<String> approvalReasons(BulkDeliveryCommand command, BulkPlan plan) {
        if (gateway == null) {
            return List.of();
        }
        long recent = jobs.objectsStartedWithoutApproval(ApprovalHold.userOf(command.actor()),
                clock.instant().minus(approvals.validity()));
        return approvals.bulkReasons(plan.deliveries().stream().map(d -> d.request(command.template()).policy())
                .toList(), plan.objects(), recent);
    }

    @Override
    public BulkStartResult start(BulkDeliveryCommand command) {
        BulkPlan plan;
        try {
            plan = plan(command);
        } catch (RuntimeException e) {
            return new BulkStartResult.NotRecorded("what already exists could not be read, so nothing was recorded: "
                    + e.getMessage());
        }
        if (plan.hasErrors() || plan.deliveries().isEmpty()
                || plan.hasWarnings() && !command.warningsAcknowledged()) {
            return new BulkStartResult.Rejected(plan);
        }
        List<String> reasons = approvalReasons(command, plan);
        try {
            Instant now = clock.instant();
            if (!reasons.isEmpty()) {
                Instant expiresAt = now.plus(approvals.validity());
                String hash = jobHash(gateway, plan.deliveries().stream().map(d -> d.request(command.template()))
                        .toList());
                long held = jobs.createAwaiting(command.actor(), now, command.template(), plan.deliveries(),
                        new ApprovalHold(reasons, ApprovalHold.userOf(command.actor()), hash, expiresAt, null, null,
                                null));
                return new BulkStartResult.AwaitingApproval(held, plan, reasons, expiresAt);
            }
            return new BulkStartResult.Started(jobs.create(command.actor(), now, command.template(),
                    plan.deliveries()), plan);
        } catch (RuntimeException e) {
            return new BulkStartResult.NotRecorded("the job could not be recorded, so nothing was sent: "
                    + e.getMessage());
        }
    }

    /** How long a draft is kept. */
    static final java.time.Duration DRAFT_LIFE = java.time.Duration.ofDays(1);

    @Override
    public BulkDraft keep(String actor, String fileName, byte[] content) {
        Instant now = clock.instant();
        return jobs.saveDraft(actor, fileName, content, now, now.minus(DRAFT_LIFE));
    }

    @Override
    public Optional<BulkDraft> draft(String actor, java.util.UUID id) {
        return jobs.draft(actor, id);
    }

    @Override
    public Optional<JobProgress> progress(long jobId) {
        return jobs.progress(jobId);
    }

    @Override
    public List<JobProgress> recent(int n) {
        return jobs.recent(n);
    }

    @Override
    public boolean cancel(String actor, long jobId) {
        boolean cancelled = jobs.cancel(jobId);
        if (cancelled) {
            acts.record(new SecurityAct(clock.instant(), actor, SecurityAct.Kind.JOB_CANCELLED, Long.toString(jobId),
                    "bulk job #" + jobId + " cancelled: its waiting deliveries are not sent"));
        }
        return cancelled;
    }

    @Override
    public boolean withdraw(String actor, long jobId) {
        Optional<ApprovalHold> hold = jobs.jobHold(jobId);
        if (hold.isEmpty() || hold.get().decidedBy() != null
                || !ApprovalHold.userOf(actor).equalsIgnoreCase(hold.get().requestedBy())) {
            return false;
        }
        Instant now = clock.instant();
        if (!jobs.decideJob(jobId, false, actor, "withdrawn by its requester", now)) {
            return false;
        }
        acts.record(new SecurityAct(now, actor, SecurityAct.Kind.JOB_WITHDRAWN, Long.toString(jobId),
                "bulk job #" + jobId + " withdrawn by its requester before a decision: nothing is sent"));
        return true;
    }

    @Override
    public int retryFailed(String actor, long jobId) {
        int queued = jobs.retryFailed(actor, jobId);
        int retried = queued;
        if (status != null) {
            for (long entryId : jobs.layerFailures(jobId)) {
                Optional<SubmissionResult> result = status.retryFailedLayers(actor, entryId);
                if (result.isPresent() && result.get() instanceof SubmissionResult.Sent sent
                        && sent.outcome() instanceof com.policyconsole.domain.model.history.CloudOutcome.Accepted) {
                    retried++;
                }
            }
        }
        if (retried > 0) {
            acts.record(new SecurityAct(clock.instant(), actor, SecurityAct.Kind.JOB_RETRIED, Long.toString(jobId),
                    "bulk job #" + jobId + ": " + queued + " deliveries sent again, " + (retried - queued)
                            + " failed layers retried"));
        }
        return retried;
    }

    /**
     * The hash a held job is bound to: of every delivery's request as the console would send it, in order (the
     * {@link ApprovalHold#hash} of each, hashed together).
     */
    static String jobHash(EmergencyPolicyGateway gateway, List<EmergencyPolicyRequest> requests) {
        StringBuilder hashes = new StringBuilder();
        for (EmergencyPolicyRequest request : requests) {
            hashes.append(ApprovalHold.hash(gateway.prepare(request).rendered())).append('\n');
        }
        return ApprovalHold.sha256(hashes.toString());
    }

    private static ParsedBatch parse(BulkDeliveryCommand command) {
        BlockType type = command.template().policy().blockType().orElse(BlockType.SOURCE_IP);
        return command.fileName() == null
                ? BatchParser.parseText(type, new String(command.content(), StandardCharsets.UTF_8))
                : BatchParser.parseFile(type, command.fileName(), command.content());
    }
}
