package com.policyconsole.sandbox;

import com.policyconsole.adapter.out.secmaster.SecMasterCodec;
import com.policyconsole.domain.model.bulk.SecMasterLimits;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.lifecycle.LayerDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the sandbox's SecMaster holds while the console runs: workspaces, operation connections, policies with their
 * delivery tasks (Config's rules are {@link SandboxRules}). A delivery task runs for
 * {@code policyconsole.sandbox.delivery-time} before its layers' records are final; while it runs it counts against SecMaster's concurrent tasks. Policy changes are serialized per
 * workspace, so that the limits hold under concurrent calls.
 */
@ApplicationScoped
public class SandboxState {

    /** The workspace the sandbox knows; the console's default workspace points at it. */
    public static final String WORKSPACE_ID = "sandbox-workspace";
    /** The operation connections the sandbox knows, by ID. */
    public static final Map<String, String> CONNECTIONS = Map.of(
            "84b273d3-47a8-3aba-bd00-7bdd1431d635", "CFW",
            "5c9f0e1d-2a3b-4c5d-8e9f-0a1b2c3d4e5f", "IAM",
            "c0ffee00-1234-4abc-9def-0123456789ab", "WAF",
            "d1e2f3a4-5b6c-4d7e-8f90-a1b2c3d4e5f6", "VPC");

    /** One delivery task of a policy: when it ran, when its records become final, and each layer's final state. */
    public record Task(String id, Instant startedAt, Instant finalAt, Map<String, String> failures) {
    }

    /** One created policy: its ID, the policy as it stands, its delivery tasks, and its creation. */
    public record StoredPolicy(String id, EmergencyPolicy policy, List<Task> tasks, long createdOrder,
                               Instant createdAt) {

        public int deliveries() {
            return tasks.size();
        }
    }

    /** A delivery to VPC: when, and how many objects, for VPC's objects per minute. */
    private record VpcDelivery(Instant at, int objects) {
    }

    /** Why SecMaster refuses a policy call: its code and message. */
    public record Refusal(String code, String message) {
    }

    /** The outcome of a create or retry: the task ID, or why it was refused. */
    public record Accepted(String taskId, Refusal refusal) {
    }

    private final Map<String, Map<String, StoredPolicy>> policiesByWorkspace = new LinkedHashMap<>();
    private final Map<String, List<VpcDelivery>> vpcDeliveries = new LinkedHashMap<>();
    private final Clock clock;
    private final SecMasterLimits limits;
    private final SandboxFaults faults;
    private volatile Duration deliveryTime;
    private final AtomicLong sequence = new AtomicLong();

    public SandboxState(Clock clock, SecMasterLimits limits, SandboxFaults faults,
                        @ConfigProperty(name = "policyconsole.sandbox.delivery-time", defaultValue = "300ms")
                        Duration deliveryTime) {
        this.clock = clock;
        this.limits = limits;
        this.faults = faults;
        this.deliveryTime = deliveryTime;
    }

    /** How long a delivery task runs from now on (tests and benchmarks set it; 0 makes tasks final at once). */
    public void deliveryTime(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("the delivery time must not be negative");
        }
        deliveryTime = time;
    }

    public Duration deliveryTime() {
        return deliveryTime;
    }

    public boolean hasWorkspace(String workspaceId) {
        return WORKSPACE_ID.equals(workspaceId);
    }

    public boolean hasConnection(String connectionId) {
        return CONNECTIONS.containsKey(connectionId);
    }

    /**
     * Stores a new policy and starts its delivery task, unless a limit refuses it: objects per delivery (per
     * layer), VPC's objects per minute, tasks running at once, the workspace's quotas.
     */
    public synchronized Accepted create(String workspaceId, EmergencyPolicy policy) {
        Instant now = clock.instant();
        Map<String, StoredPolicy> policies = policiesByWorkspace.computeIfAbsent(workspaceId, k -> new LinkedHashMap<>());
        int objects = policy.targets().size();
        Set<String> layers = layers(policy);
        for (String layer : layers) {
            int most = "IAM".equals(layer) ? limits.iamUsersPerDelivery() : limits.objectsPerDelivery();
            if (objects > most) {
                return refused(SandboxSecMasterResource.TOO_MANY_OBJECTS, "at most " + most + " objects per delivery to "
                        + layer + " (has " + objects + ")");
            }
        }
        if (layers.contains("VPC")) {
            int lastMinute = vpcDeliveries.getOrDefault(workspaceId, List.of()).stream()
                    .filter(d -> d.at().isAfter(now.minus(Duration.ofMinutes(1))))
                    .mapToInt(VpcDelivery::objects).sum();
            if (lastMinute + objects > limits.vpcObjectsPerMinute()) {
                return refused(SandboxSecMasterResource.TOO_MANY_OBJECTS, "at most " + limits.vpcObjectsPerMinute()
                        + " objects per minute to VPC (" + lastMinute + " in the last minute, " + objects + " more)");
            }
        }
        Refusal busy = busy(policies.values(), now);
        if (busy != null) {
            return new Accepted(null, busy);
        }
        if (policies.size() >= limits.policies()) {
            return refused(SandboxSecMasterResource.QUOTA_EXCEEDED, "the workspace has " + policies.size()
                    + " policies, the most it may hold");
        }
        boolean ages = policy.blockAge() != null && policy.blockAge().ages();
        long withAgeing = policies.values().stream().filter(p -> ages(p.policy())).count();
        if (ages && withAgeing >= limits.policiesWithAgeing()) {
            return refused(SandboxSecMasterResource.QUOTA_EXCEEDED, "the workspace has " + withAgeing
                    + " policies with block ageing, the most it may hold");
        }
        String id = UUID.randomUUID().toString();
        Task task = task(policy, now);
        policies.put(id, new StoredPolicy(id, policy, List.of(task), sequence.incrementAndGet(), now));
        if (layers.contains("VPC")) {
            vpcDeliveries.computeIfAbsent(workspaceId, k -> new ArrayList<>()).add(new VpcDelivery(now, objects));
        }
        return new Accepted("task-" + id, null);
    }

    public synchronized List<String> missingPolicies(String workspaceId, Collection<String> policyIds) {
        Map<String, StoredPolicy> known = policiesByWorkspace.getOrDefault(workspaceId, Map.of());
        return policyIds.stream().filter(id -> !known.containsKey(id)).toList();
    }

    /** Starts another delivery task of each policy (its layers delivered again); refused while too many run. */
    public synchronized Accepted retry(String workspaceId, List<String> policyIds) {
        Instant now = clock.instant();
        Map<String, StoredPolicy> policies = policiesByWorkspace.get(workspaceId);
        Refusal busy = busy(policies.values(), now);
        if (busy != null) {
            return new Accepted(null, busy);
        }
        for (String id : policyIds) {
            policies.computeIfPresent(id, (k, p) -> {
                List<Task> tasks = new ArrayList<>(p.tasks());
                tasks.add(task(p.policy(), now));
                return new StoredPolicy(p.id(), p.policy(), List.copyOf(tasks), p.createdOrder(), p.createdAt());
            });
        }
        return new Accepted("task-retry-" + UUID.randomUUID(), null);
    }

    /** Changes a policy's ageing; refused when it would exceed the quota of policies with ageing. */
    public synchronized Refusal changeAgeing(String workspaceId, String policyId, BlockAge age) {
        Map<String, StoredPolicy> policies = policiesByWorkspace.getOrDefault(workspaceId, Map.of());
        StoredPolicy p = policies.get(policyId);
        if (p == null) {
            return new Refusal(SandboxSecMasterResource.POLICY_NOT_FOUND, "no such policy: " + policyId);
        }
        long withAgeing = policies.values().stream().filter(q -> !q.id().equals(policyId) && ages(q.policy())).count();
        if (age.ages() && withAgeing >= limits.policiesWithAgeing()) {
            return new Refusal(SandboxSecMasterResource.QUOTA_EXCEEDED, "the workspace has " + withAgeing
                    + " policies with block ageing, the most it may hold");
        }
        policies.put(policyId, new StoredPolicy(p.id(), p.policy().toBuilder().blockAge(age).build(), p.tasks(),
                p.createdOrder(), p.createdAt()));
        return null;
    }

    /** Removes the policies, all or none: none when any of them does not exist. */
    public synchronized List<String> remove(String workspaceId, List<String> policyIds) {
        List<String> missing = missingPolicies(workspaceId, policyIds);
        if (missing.isEmpty()) {
            Map<String, StoredPolicy> policies = policiesByWorkspace.get(workspaceId);
            policyIds.forEach(policies::remove);
        }
        return missing;
    }

    /** The workspace's policies, oldest first. */
    public synchronized List<StoredPolicy> policies(String workspaceId) {
        List<StoredPolicy> all = new ArrayList<>(policiesByWorkspace.getOrDefault(workspaceId, Map.of()).values());
        all.sort(Comparator.comparingLong(StoredPolicy::createdOrder));
        return all;
    }

    public synchronized Optional<StoredPolicy> policy(String workspaceId, String policyId) {
        return Optional.ofNullable(policiesByWorkspace.getOrDefault(workspaceId, Map.of()).get(policyId));
    }

    /** A policy's delivery records, one per task, with each layer's state as it stands now. */
    public synchronized List<SecMasterCodec.DeliveryRecord> records(String workspaceId, String policyId) {
        StoredPolicy p = policiesByWorkspace.getOrDefault(workspaceId, Map.of()).get(policyId);
        if (p == null) {
            return List.of();
        }
        Instant now = clock.instant();
        List<SecMasterCodec.DeliveryRecord> records = new ArrayList<>();
        for (Task task : p.tasks()) {
            boolean done = !now.isBefore(task.finalAt());
            List<LayerDelivery> layers = new ArrayList<>();
            for (DefenseConnection c : p.policy().defensePolicyList() == null ? List.<DefenseConnection>of()
                    : p.policy().defensePolicyList()) {
                String failure = task.failures().get(c.defenseConnectionId());
                String status = !done ? "BLOCKING" : failure == null ? "SUCCESS" : "FAILED";
                layers.add(new LayerDelivery(c.defenseConnectionId(), c.defenseConnectionName(), c.defenseType(),
                        status, "BLOCK", done ? failure : null, p.policy().policyDirection(),
                        done ? task.finalAt() : task.startedAt()));
            }
            records.add(new SecMasterCodec.DeliveryRecord(task.id(), p.id(), p.policy().policyCategory(),
                    p.policy().policyDirection(), p.policy().blockTarget(), task.startedAt(),
                    done ? task.finalAt() : task.startedAt(), layers));
        }
        return records;
    }

    private Task task(EmergencyPolicy policy, Instant now) {
        Map<String, String> failures = new LinkedHashMap<>();
        Set<String> failing = faults.failingLayers();
        for (DefenseConnection c : policy.defensePolicyList() == null ? List.<DefenseConnection>of()
                : policy.defensePolicyList()) {
            String type = CONNECTIONS.getOrDefault(c.defenseConnectionId(), String.valueOf(c.defenseType()));
            if (failing.contains(type)) {
                failures.put(c.defenseConnectionId(), "delivery to " + type
                        + " failed: the defense layer did not accept the rule (sandbox fault injection)");
            }
        }
        return new Task(UUID.randomUUID().toString(), now, now.plus(deliveryTime), Map.copyOf(failures));
    }

    /** A refusal when the workspace already runs as many delivery tasks as SecMaster allows, else null. */
    private Refusal busy(Collection<StoredPolicy> policies, Instant now) {
        long running = policies.stream().flatMap(p -> p.tasks().stream()).filter(t -> now.isBefore(t.finalAt())).count();
        return running >= limits.concurrentTasks()
                ? new Refusal(SandboxSecMasterResource.TOO_MANY_TASKS, "at most " + limits.concurrentTasks()
                        + " policy tasks may run at once; " + running + " are running")
                : null;
    }

    private static Set<String> layers(EmergencyPolicy policy) {
        Set<String> layers = new java.util.TreeSet<>();
        for (DefenseConnection c : policy.defensePolicyList() == null ? List.<DefenseConnection>of()
                : policy.defensePolicyList()) {
            layers.add(CONNECTIONS.getOrDefault(c.defenseConnectionId(), String.valueOf(c.defenseType())));
        }
        return layers;
    }

    private static boolean ages(EmergencyPolicy policy) {
        return policy.blockAge() != null && policy.blockAge().ages();
    }

    private static Accepted refused(String code, String message) {
        return new Accepted(null, new Refusal(code, message));
    }
}
