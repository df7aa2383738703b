package dev.pausepoint.mcp.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a tool's arguments as the model sent them (JSON decoded to maps, lists, strings, numbers, booleans).
 * Only the shape is checked here, so the model learns at once which argument it got wrong; every rule of the
 * API (lengths, E.164, plan channels) stays the API's, which answers with its own error codes.
 */
final class ToolArguments {

    private final Map<String, Object> values;
    /** Where these arguments sit in the call, such as {@code escalation[1].}, so a refusal names the path. */
    private final String path;

    ToolArguments(Map<String, Object> values) {
        this(values, "");
    }

    private ToolArguments(Map<String, Object> values, String path) {
        this.values = values == null ? Map.of() : values;
        this.path = path;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    /** An optional JSON object argument read as arguments of its own; null when absent. */
    ToolArguments nested(String name) {
        Map<String, Object> value = object(name);
        return value == null ? null : new ToolArguments(value, path + name + ".");
    }

    /** An optional list of JSON objects, each read as arguments of its own; empty when absent. */
    List<ToolArguments> objects(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
            throw new InvalidArgumentsException(path + name + " must be a list of JSON objects.");
        }
        List<ToolArguments> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) list.get(i);
            items.add(new ToolArguments(item, path + name + "[" + i + "]."));
        }
        return items;
    }

    /** A whole number that must be there. */
    int requiredInteger(String name) {
        Integer value = integer(name);
        if (value == null) {
            throw new InvalidArgumentsException(path + name + " is required.");
        }
        return value;
    }

    String requiredText(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            throw new InvalidArgumentsException(path + name + " is required.");
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
        throw new InvalidArgumentsException(path + name + " must be a string.");
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
        throw new InvalidArgumentsException(path + name + " must be a whole number.");
    }

    Boolean bool(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new InvalidArgumentsException(path + name + " must be true or false.");
    }

    List<String> texts(String name) {
        Object value = values.get(name);
        if (!(value instanceof List<?> list)) {
            throw new InvalidArgumentsException(path + name + " must be a list of strings.");
        }
        for (Object item : list) {
            if (!(item instanceof String)) {
                throw new InvalidArgumentsException(path + name + " must be a list of strings.");
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
        throw new InvalidArgumentsException(path + name + " must be a JSON object.");
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
        throw new InvalidArgumentsException(path + name + " must be one of " + spelled(type) + ", not \"" + value + "\".");
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
