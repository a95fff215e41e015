package com.policyconsole.domain.model.emergency;

import com.policyconsole.domain.model.wire.WireEnum;
import java.util.Optional;

/** {@code policy_type.policy_type}: what kind of object the policy blocks or whitelists (Table 8). */
public enum BlockType implements WireEnum {
    SOURCE_IP("Source Ip"),
    USER_NAME("User Name"),
    DOMAIN_NAME("Domain Name");

    private final String wireName;

    BlockType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<BlockType> fromWire(String wireName) {
        return WireEnum.fromWire(BlockType.class, wireName);
    }
}
