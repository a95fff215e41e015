package com.policyconsole.domain.model.wire;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The constants of each {@link WireEnum} type by wire name, built once per type, so that
 * {@link WireEnum#fromWire} neither copies the constants nor allocates its answer.
 */
final class WireNameIndex {

    private static final ClassValue<Map<String, Optional<?>>> BY_TYPE = new ClassValue<>() {
        @Override
        protected Map<String, Optional<?>> computeValue(Class<?> type) {
            Map<String, Optional<?>> byName = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                // The first constant with a spelling wins, as a scan in declaration order would find it.
                byName.putIfAbsent(((WireEnum) constant).wireName(), Optional.of(constant));
            }
            return Map.copyOf(byName);
        }
    };

    private WireNameIndex() {
    }

    /** The constant of {@code type} spelled {@code wireName}, or empty; {@code wireName} must not be null. */
    @SuppressWarnings("unchecked")
    static <E extends Enum<E> & WireEnum> Optional<E> constant(Class<E> type, String wireName) {
        Optional<?> found = BY_TYPE.get(type).get(wireName);
        return found == null ? Optional.empty() : (Optional<E>) found;
    }
}
