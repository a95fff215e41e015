package com.policyconsole.domain.service;

import com.policyconsole.domain.bulk.BatchParser;
import com.policyconsole.domain.bulk.BulkPlan;
import com.policyconsole.domain.bulk.DeliveryPlanner;
import com.policyconsole.domain.bulk.ParsedBatch;
import com.policyconsole.domain.model.bulk.BatchObject;
import com.policyconsole.domain.model.bulk.JobProgress;
import com.policyconsole.domain.model.bulk.SecMasterLimits;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.port.in.BulkDeliveryCommand;
import com.policyconsole.domain.port.in.BulkDeliveryUseCase;
import com.policyconsole.domain.port.in.BulkStartResult;
import com.policyconsole.domain.port.out.BulkJobStore;
import com.policyconsole.domain.port.out.PolicyInventory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Plans bulk batches against the workspace's inventory and starts them as jobs in the {@link BulkJobStore}. */
public final class BulkDeliveryService implements BulkDeliveryUseCase {

    private final PolicyInventory inventory;
    private final BulkJobStore jobs;
    private final DeliveryPlanner planner;
    private final Clock clock;

    public BulkDeliveryService(PolicyInventory inventory, BulkJobStore jobs, SecMasterLimits limits, Clock clock) {
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
        try {
            return new BulkStartResult.Started(jobs.create(command.actor(), clock.instant(), command.template(),
                    plan.deliveries()), plan);
        } catch (RuntimeException e) {
            return new BulkStartResult.NotRecorded("the job could not be recorded, so nothing was sent: "
                    + e.getMessage());
        }
    }

    @Override
    public Optional<JobProgress> progress(long jobId) {
        return jobs.progress(jobId);
    }

    @Override
    public boolean cancel(long jobId) {
        return jobs.cancel(jobId);
    }

    @Override
    public int retryFailed(long jobId) {
        return jobs.retryFailed(jobId);
    }

    private static ParsedBatch parse(BulkDeliveryCommand command) {
        BlockType type = command.template().policy().blockType().orElse(BlockType.SOURCE_IP);
        return command.fileName() == null
                ? BatchParser.parseText(type, new String(command.content(), StandardCharsets.UTF_8))
                : BatchParser.parseFile(type, command.fileName(), command.content());
    }
}
