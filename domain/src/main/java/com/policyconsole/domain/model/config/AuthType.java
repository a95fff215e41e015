package com.policyconsole.domain.model.config;

import com.policyconsole.domain.model.wire.WireEnum;
import java.util.Optional;

/** {@code custom_policy.auth_type} (Table 5): how Config invokes the function; one value today. */
public enum AuthType implements WireEnum {
    AGENCY("agency");

    private final String wireName;

    AuthType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<AuthType> fromWire(String wireName) {
        return WireEnum.fromWire(AuthType.class, wireName);
    }
}
