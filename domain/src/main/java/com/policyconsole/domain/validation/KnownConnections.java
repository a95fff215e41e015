package com.policyconsole.domain.validation;

import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operation connections a console knows (its configuration): a create that does not come from the form names its
 * connections by ID, and each must be one of these; the other fields are filled from it, or refused where they
 * differ, so that no text of the caller's choosing stands in for a connection's name, type or project.
 *
 * @param connections the known connections
 */
public record KnownConnections(List<DefenseConnection> connections) {

    public KnownConnections {
        connections = List.copyOf(connections);
    }

    /** A connection's field: its wire name and how to read it. */
    private record Field(String name, Function<DefenseConnection, String> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("defense_connection_name", DefenseConnection::defenseConnectionName),
            new Field("defense_connection_region_id", DefenseConnection::defenseConnectionRegionId),
            new Field("defense_connection_region_name", DefenseConnection::defenseConnectionRegionName),
            new Field("defense_type", DefenseConnection::defenseType),
            new Field("target_enterprise_id", DefenseConnection::targetEnterpriseId),
            new Field("target_enterprise_name", DefenseConnection::targetEnterpriseName),
            new Field("target_project_id", DefenseConnection::targetProjectId),
            new Field("target_project_name", DefenseConnection::targetProjectName));

    /** What reconciling a policy's connections gives: the policy with them as known, or why not. */
    public record Reconciled(EmergencyPolicy policy, List<Violation> violations) {

        public Reconciled {
            violations = List.copyOf(violations);
        }
    }

    /**
     * {@code policy} with each of its connections replaced by the known connection of the same ID; a violation (at
     * {@code data_object.defense_policy_list[i]…}) for each connection that is not known and each field given that
     * differs from the known one. A policy without connections (or none) is left as it is (the rules refuse it).
     */
    public Reconciled reconcile(EmergencyPolicy policy) {
        List<DefenseConnection> given = policy == null ? null : policy.defensePolicyList();
        if (given == null || given.isEmpty()) {
            return new Reconciled(policy, List.of());
        }
        List<Violation> violations = new ArrayList<>();
        List<DefenseConnection> known = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            DefenseConnection asked = given.get(i);
            String path = "data_object.defense_policy_list[" + i + "]";
            String id = asked == null ? null : asked.defenseConnectionId();
            Optional<DefenseConnection> found = connections.stream()
                    .filter(c -> Objects.equals(c.defenseConnectionId(), id)).findFirst();
            if (found.isEmpty()) {
                violations.add(Violation.error(path + ".defense_connection_id", ViolationCode.NOT_ALLOWED,
                        (id == null ? "a connection ID is needed" : "'" + cut(id) + "' is not a connection this"
                                + " console knows") + ": use one of " + ids()));
                continue;
            }
            for (Field field : FIELDS) {
                String value = field.value().apply(asked);
                String expected = field.value().apply(found.get());
                if (value != null && !value.equals(expected)) {
                    violations.add(Violation.error(path + "." + field.name(), ViolationCode.NOT_ALLOWED,
                            field.name() + " of connection " + id + " is '" + (expected == null ? "" : cut(expected))
                                    + "', not what was sent: leave it out to have it filled in"));
                }
            }
            known.add(found.get());
        }
        return violations.isEmpty() ? new Reconciled(policy.toBuilder().defensePolicyList(known).build(), List.of())
                : new Reconciled(policy, violations);
    }

    private String ids() {
        return connections.isEmpty() ? "none is configured (policyconsole.console.connections)"
                : String.join(", ", connections.stream().map(DefenseConnection::defenseConnectionId).toList());
    }

    private static String cut(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 64 ? oneLine.substring(0, 63) + "…" : oneLine;
    }
}
