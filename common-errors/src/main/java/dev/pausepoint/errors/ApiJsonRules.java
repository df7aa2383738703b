package dev.pausepoint.errors;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's JSON conventions (docs/api-reference.md, "Conventions"), applied to every service's mapper:
 * {@code snake_case} names, unknown fields ignored, and wrong types refused instead of coerced ({@code "5"}
 * is not an integer, {@code 5} is not a string, {@code 1} is not a boolean) so that they reach the client
 * as {@code VALIDATION_ERROR}. A number in free-form JSON (a pause's metadata) is read as written, as a
 * {@code BigDecimal}: as a double, 0.1000000000000000055511151231257827 came back as 0.1 and 1e400 as the
 * string "Infinity".
 */
public class ApiJsonRules implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // The feature above stops "5" becoming 5; these stop 5, 5.0 and true becoming "5" and "true".
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
