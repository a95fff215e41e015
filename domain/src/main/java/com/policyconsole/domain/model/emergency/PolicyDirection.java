package com.policyconsole.domain.model.emergency;

import com.policyconsole.domain.model.wire.WireEnum;
import java.util.Optional;

/** {@code policy_direction}: inbound, outbound or both (docs/cloud-apis.md, Enums). */
public enum PolicyDirection implements WireEnum {
    INGRESS("INGRESS"),
    EGRESS("EGRESS"),
    BOTH("INGRESS,EGRESS");

    private final String wireName;

    PolicyDirection(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<PolicyDirection> fromWire(String wireName) {
        return WireEnum.fromWire(PolicyDirection.class, wireName);
    }
}
