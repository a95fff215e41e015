package com.policyconsole.console.sandbox;

import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** What the sandbox cloud holds while the console runs: workspaces, operation connections and created policies. */
@ApplicationScoped
public class SandboxState {

    /** The workspace the sandbox knows; the console's default workspace points at it. */
    public static final String WORKSPACE_ID = "sandbox-workspace";
    /** The operation connections the sandbox knows, by ID. */
    public static final Map<String, String> CONNECTIONS = Map.of(
            "84b273d3-47a8-3aba-bd00-7bdd1431d635", "CFW",
            "5c9f0e1d-2a3b-4c5d-8e9f-0a1b2c3d4e5f", "IAM",
            "c0ffee00-1234-4abc-9def-0123456789ab", "WAF");

    /** One created policy: its ID, the policy, and how many deliveries were attempted. */
    public record StoredPolicy(String id, EmergencyPolicy policy, int deliveries) {
    }

    private final Map<String, Map<String, StoredPolicy>> policiesByWorkspace = new ConcurrentHashMap<>();

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
                .put(id, new StoredPolicy(id, policy, 1));
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
                (k, p) -> new StoredPolicy(p.id(), p.policy(), p.deliveries() + 1)));
        return "task-retry-" + UUID.randomUUID();
    }

    public List<StoredPolicy> policies(String workspaceId) {
        return new ArrayList<>(policiesByWorkspace.getOrDefault(workspaceId, Map.of()).values());
    }
}
