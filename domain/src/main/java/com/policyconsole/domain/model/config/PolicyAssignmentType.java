package com.policyconsole.domain.model.config;

import com.policyconsole.domain.model.wire.WireEnum;
import java.util.Optional;

/** {@code policy_assignment_type} (Table 3): a built-in policy or a custom FunctionGraph function. */
public enum PolicyAssignmentType implements WireEnum {
    BUILTIN("builtin"),
    CUSTOM("custom");

    private final String wireName;

    PolicyAssignmentType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<PolicyAssignmentType> fromWire(String wireName) {
        return WireEnum.fromWire(PolicyAssignmentType.class, wireName);
    }
}
