package com.policyconsole.domain.model.emergency;

import com.policyconsole.domain.model.wire.WireEnum;
import java.util.Optional;

/** {@code defense_type}: the defense layers SecMaster delivers policies to (docs/cloud-apis.md, Enums). */
public enum DefenseLayer implements WireEnum {
    CFW,
    WAF,
    VPC,
    IAM;

    @Override
    public String wireName() {
        return name();
    }

    /** Whether this layer enforces objects of {@code type}: IAM takes user names, the others IPs and domains. */
    public boolean enforces(BlockType type) {
        return switch (type) {
            case USER_NAME -> this == IAM;
            case SOURCE_IP -> this != IAM;
            case DOMAIN_NAME -> this == CFW || this == WAF;
        };
    }

    public static Optional<DefenseLayer> fromWire(String wireName) {
        return WireEnum.fromWire(DefenseLayer.class, wireName);
    }
}
