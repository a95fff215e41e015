package com.policyconsole.sandbox;

import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** What the sandbox cloud holds while the console runs: workspaces, operation connections, policies and rules. */
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

    /** One created policy: its ID, the policy, how many deliveries were attempted, and its creation order. */
    public record StoredPolicy(String id, EmergencyPolicy policy, int deliveries, long createdOrder) {
    }

    /** One added Config rule: its 24-hex ID, the rule and when it was added. */
    public record StoredRule(String id, ConfigRule rule, Instant created) {
    }

    private final Map<String, Map<String, StoredPolicy>> policiesByWorkspace = new ConcurrentHashMap<>();
    private final Map<String, Map<String, StoredRule>> rulesByDomain = new ConcurrentHashMap<>();
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

    public SandboxState(Clock clock) {
        this.clock = clock;
    }

    /** Adds a rule unless the account already has one of that name; rule names are unique per account. */
    public Optional<StoredRule> addRule(String domainId, ConfigRule rule) {
        Map<String, StoredRule> rules = rulesByDomain.computeIfAbsent(domainId, k -> Collections.synchronizedMap(new LinkedHashMap<>()));
        synchronized (rules) {
            if (rules.containsKey(rule.name())) {
                return Optional.empty();
            }
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            StoredRule stored = new StoredRule(id, rule, clock.instant());
            rules.put(rule.name(), stored);
            return Optional.of(stored);
        }
    }

    /** The account's rules, in the order they were added. */
    public List<StoredRule> rules(String domainId) {
        Map<String, StoredRule> rules = rulesByDomain.getOrDefault(domainId, Map.of());
        synchronized (rules) {
            return new ArrayList<>(rules.values());
        }
    }

    public boolean hasWorkspace(String workspaceId) {
        return WORKSPACE_ID.equals(workspaceId);
    }

    public boolean hasConnection(String connectionId) {
        return CONNECTIONS.containsKey(connectionId);
    }

    /** Stores a new policy and returns the delivery task ID. */
    public String create(String workspaceId, EmergencyPolicy policy) {
        String id = UUID.randomUUID().toString();
        policiesByWorkspace.computeIfAbsent(workspaceId, k -> new ConcurrentHashMap<>())
                .put(id, new StoredPolicy(id, policy, 1, sequence.incrementAndGet()));
        return "task-" + id;
    }

    public List<String> missingPolicies(String workspaceId, List<String> policyIds) {
        Set<String> known = policiesByWorkspace.getOrDefault(workspaceId, Map.of()).keySet();
        return policyIds.stream().filter(id -> !known.contains(id)).toList();
    }

    /** Records another delivery of each policy and returns the retry's task ID. */
    public String retry(String workspaceId, List<String> policyIds) {
        Map<String, StoredPolicy> policies = policiesByWorkspace.get(workspaceId);
        policyIds.forEach(id -> policies.computeIfPresent(id,
                (k, p) -> new StoredPolicy(p.id(), p.policy(), p.deliveries() + 1, p.createdOrder())));
        return "task-retry-" + UUID.randomUUID();
    }

    /** The workspace's policies, oldest first. */
    public List<StoredPolicy> policies(String workspaceId) {
        List<StoredPolicy> all = new ArrayList<>(policiesByWorkspace.getOrDefault(workspaceId, Map.of()).values());
        all.sort(java.util.Comparator.comparingLong(StoredPolicy::createdOrder));
        return all;
    }
}
