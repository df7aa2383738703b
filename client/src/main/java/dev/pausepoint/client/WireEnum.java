package dev.pausepoint.client;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * An enum of the API whose wire names are its constants in lower case ({@code TIMED_OUT} is
 * {@code timed_out}), as every enum of the API is spelled.
 */
interface WireEnum {

    String name();

    @JsonValue
    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value, E fallback) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(value)) {
                return constant;
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + value);
        }
        return fallback;
    }
}
