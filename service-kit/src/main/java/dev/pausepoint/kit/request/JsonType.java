package dev.pausepoint.kit.request;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON a request field accepts, judged on the JSON itself so nothing is coerced: {@code "5"} is not
 * an integer, {@code 5} is not a string, {@code 1} is not a boolean, {@code 1.0} is not an integer. The
 * field's Java type decides; a type with no rule here is refused when its record is first read, so a new
 * request cannot silently accept anything.
 */
record JsonType(Kind kind, Kind element) {

    private static final Map<Type, Kind> SCALARS = Map.of(String.class, Kind.STRING, Integer.class, Kind.INTEGER,
            Long.class, Kind.LONG, Boolean.class, Kind.BOOLEAN, ObjectNode.class, Kind.OBJECT,
            JsonNode.class, Kind.ANY);

    enum Kind {
        STRING("a string", "strings", JsonNode::isString),
        INTEGER("an integer", "integers", node -> node.isIntegralNumber() && node.canConvertToInt()),
        LONG("an integer", "integers", node -> node.isIntegralNumber() && node.canConvertToLong()),
        BOOLEAN("a boolean", "booleans", JsonNode::isBoolean),
        OBJECT("an object", "objects", JsonNode::isObject),
        ANY("a JSON value", "JSON values", node -> !node.isNull());

        private final String one;
        private final String many;
        private final Predicate<JsonNode> accepts;

        Kind(String one, String many, Predicate<JsonNode> accepts) {
            this.one = one;
            this.many = many;
            this.accepts = accepts;
        }

        boolean accepts(JsonNode node) {
            return accepts.test(node);
        }
    }

    /** The rule for a field of {@code javaType}: a scalar, an object, any JSON, or a list of one of those. */
    static JsonType of(Type javaType) {
        if (javaType instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            return new JsonType(null, scalar(parameterized.getActualTypeArguments()[0]));
        }
        return new JsonType(scalar(javaType), null);
    }

    private static Kind scalar(Type javaType) {
        if (javaType instanceof Class<?> type && type.isPrimitive()) {
            throw new IllegalArgumentException("request fields use boxed types, so that a missing field is null for "
                    + "@NotNull to report; found " + type);
        }
        Kind kind = SCALARS.get(javaType);
        if (kind == null) {
            throw new IllegalArgumentException("no JSON type rule for a request field of type " + javaType);
        }
        return kind;
    }

    /** What is wrong with {@code node} (never null or JSON null), or null when it fits. */
    String problem(JsonNode node) {
        if (element != null) {
            if (!node.isArray()) {
                return "must be an array";
            }
            for (JsonNode item : node) {
                if (!element.accepts(item)) {
                    return "must be an array of " + element.many;
                }
            }
            return null;
        }
        if (kind.accepts(node)) {
            return null;
        }
        // An integer the field cannot hold is not the wrong type; saying so would mislead.
        return node.isIntegralNumber() && (kind == Kind.INTEGER || kind == Kind.LONG) ? "is too large"
                : "must be " + kind.one;
    }
}
