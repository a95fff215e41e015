package com.policyconsole.domain.model.config;

import com.policyconsole.domain.model.wire.WireEnum;
import java.time.Duration;
import java.util.Optional;

/** {@code period}: how often a periodic rule runs (Table 8). */
public enum Period implements WireEnum {
    ONE_HOUR("One_Hour", Duration.ofHours(1)),
    THREE_HOURS("Three_Hours", Duration.ofHours(3)),
    SIX_HOURS("Six_Hours", Duration.ofHours(6)),
    TWELVE_HOURS("Twelve_Hours", Duration.ofHours(12)),
    TWENTY_FOUR_HOURS("TwentyFour_Hours", Duration.ofHours(24));

    private final String wireName;
    private final Duration interval;

    Period(String wireName, Duration interval) {
        this.wireName = wireName;
        this.interval = interval;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public Duration interval() {
        return interval;
    }

    public static Optional<Period> fromWire(String wireName) {
        return WireEnum.fromWire(Period.class, wireName);
    }
}
