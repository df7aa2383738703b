package dev.pausepoint.mcp.tools;

import java.util.List;
import java.util.Map;

/**
 * Reads a tool's arguments as the model sent them (JSON decoded to maps, lists, strings, numbers, booleans).
 * Only the shape is checked here, so the model learns at once which argument it got wrong; every rule of the
 * API (lengths, E.164, plan channels) stays the API's, which answers with its own error codes.
 */
final class ToolArguments {

    private final Map<String, Object> values;

    ToolArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    String requiredText(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            throw new InvalidArgumentsException(name + " is required.");
        }
        return value;
    }

    String text(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        throw new InvalidArgumentsException(name + " must be a string.");
    }

    Integer integer(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        throw new InvalidArgumentsException(name + " must be a whole number.");
    }

    Boolean bool(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new InvalidArgumentsException(name + " must be true or false.");
    }

    List<String> texts(String name) {
        Object value = values.get(name);
        if (!(value instanceof List<?> list)) {
            throw new InvalidArgumentsException(name + " must be a list of strings.");
        }
        for (Object item : list) {
            if (!(item instanceof String)) {
                throw new InvalidArgumentsException(name + " must be a list of strings.");
            }
        }
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) list;
        return texts;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw new InvalidArgumentsException(name + " must be a JSON object.");
    }

    /** An enum argument given in the API's lower-case spelling. */
    <E extends Enum<E>> E choice(String name, Class<E> type, boolean required) {
        String value = required ? requiredText(name) : text(name);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new InvalidArgumentsException(name + " must be one of " + spelled(type) + ", not \"" + value + "\".");
    }

    private static <E extends Enum<E>> String spelled(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (!constant.name().equals("UNKNOWN")) {
                names.append(names.isEmpty() ? "" : ", ").append(constant.name().toLowerCase());
            }
        }
        return names.toString();
    }
}
