package com.policyconsole.domain.model.emergency;

import com.policyconsole.domain.model.wire.WireEnum;
import java.util.Optional;

/** Query parameter {@code action_type}: create a policy or retry failed deliveries (Table 2). */
public enum ActionType implements WireEnum {
    CREATE("create"),
    RETRY("retry");

    private final String wireName;

    ActionType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static Optional<ActionType> fromWire(String wireName) {
        return WireEnum.fromWire(ActionType.class, wireName);
    }
}
