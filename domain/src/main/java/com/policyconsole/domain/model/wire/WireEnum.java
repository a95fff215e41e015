package com.policyconsole.domain.model.wire;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** An enumeration whose constants have a fixed spelling on the wire. */
public interface WireEnum {

    /** The exact spelling on the wire, e.g. {@code Source Ip}. */
    String wireName();

    /** The constant of {@code type} spelled {@code wireName} on the wire, if any. Case matters. */
    static <E extends Enum<E> & WireEnum> Optional<E> fromWire(Class<E> type, String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        return WireNameIndex.constant(type, wireName);
    }

    /** Every wire spelling of {@code type}. */
    static <E extends Enum<E> & WireEnum> Set<String> wireNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wireName).collect(Collectors.toUnmodifiableSet());
    }
}
