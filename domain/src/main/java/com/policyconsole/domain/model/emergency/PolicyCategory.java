package com.policyconsole.domain.model.emergency;

import com.policyconsole.domain.model.wire.WireEnum;
import java.util.Optional;

/** {@code policy_category}: add the objects to the whitelist or to the blacklist (Table 5). */
public enum PolicyCategory implements WireEnum {
    WHITE,
    BLOCK;

    @Override
    public String wireName() {
        return name();
    }

    public PolicyCategory opposite() {
        return this == WHITE ? BLOCK : WHITE;
    }

    public static Optional<PolicyCategory> fromWire(String wireName) {
        return WireEnum.fromWire(PolicyCategory.class, wireName);
    }
}
