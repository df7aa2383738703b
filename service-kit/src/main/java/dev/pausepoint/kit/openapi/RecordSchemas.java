package dev.pausepoint.kit.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records as the wire shows them: snake_case names (what {@code ApiJsonRules} configures for every
 * answer), every field of an answer required, since each is always present (null when unset), and a field
 * marked {@link Nullable} allowing null. A request record ({@link ApiRequest}) requires only the fields a
 * constraint requires. springdoc describes types with Jackson 2, which does not see the services' Jackson 3
 * configuration, hence this resolver with a snake_case mapper of its own.
 */
class RecordSchemas extends ModelResolver {

    RecordSchemas() {
        super(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
        openapi31(true);
    }

    @Override
    public Schema resolve(AnnotatedType annotatedType, ModelConverterContext context, Iterator<ModelConverter> next) {
        if (annotatedType.getType() == null) {
            return super.resolve(annotatedType, context, next);
        }
        JavaType type = _mapper.constructType(annotatedType.getType());
        Class<?> raw = type.getRawClass();
        // Jackson 3's trees are not beans: an object node is any JSON object, any other node any JSON value.
        if (JsonNode.class.isAssignableFrom(raw)) {
            Schema<?> any = new Schema<>();
            if (ObjectNode.class.isAssignableFrom(raw)) {
                any.setTypes(new LinkedHashSet<>(List.of("object")));
            }
            return any;
        }
        Schema<?> resolved = super.resolve(annotatedType, context, next);
        if (resolved == null || !raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved;
        if (resolved.get$ref() != null) {
            String ref = resolved.get$ref();
            model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (model != null && model.getProperties() != null) {
            shape(raw, model);
        }
        return resolved;
    }

    private static void shape(Class<?> record, Schema<?> model) {
        boolean request = record.isAnnotationPresent(ApiRequest.class);
        List<String> required = new ArrayList<>();
        @SuppressWarnings("rawtypes")
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : flattened(record)) {
            String name = wireName(component);
            Schema<?> property = properties.get(name);
            if (property == null) {
                continue;
            }
            io.swagger.v3.oas.annotations.media.Schema declared = component.getAccessor()
                    .getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            if (declared == null) {
                declared = component.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            }
            if (declared != null && declared.types().length > 0 && property.getTypes() == null
                    && property.getType() == null && property.get$ref() == null) {
                property.setTypes(new LinkedHashSet<>(List.of(declared.types())));
            }
            if (nullable(component)) {
                properties.put(name, allowNull(property));
            }
            if (request ? constrainedPresent(component) : alwaysPresent(record, component)) {
                required.add(name);
            }
        }
        model.setRequired(required.isEmpty() ? null : required);
    }

    /** The record's components, with those of an {@code @JsonUnwrapped} record in its place, as the wire shows them. */
    private static List<RecordComponent> flattened(Class<?> record) {
        List<RecordComponent> components = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class) && component.getType().isRecord()) {
                components.addAll(flattened(component.getType()));
            } else {
                components.add(component);
            }
        }
        return components;
    }

    static String wireName(RecordComponent component) {
        JsonProperty explicit = component.getAccessor().getAnnotation(JsonProperty.class);
        if (explicit == null) {
            explicit = component.getAnnotation(JsonProperty.class);
        }
        if (explicit != null && !explicit.value().isEmpty()) {
            return explicit.value();
        }
        return new PropertyNamingStrategies.SnakeCaseStrategy().translate(component.getName());
    }

    private static boolean nullable(RecordComponent component) {
        return component.isAnnotationPresent(Nullable.class)
                || component.getAnnotatedType().isAnnotationPresent(Nullable.class);
    }

    private static boolean constrainedPresent(RecordComponent component) {
        io.swagger.v3.oas.annotations.media.Schema declared = component.getAccessor()
                .getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return Stream.of(NotNull.class, NotBlank.class, NotEmpty.class).anyMatch(constraint ->
                component.getAccessor().isAnnotationPresent(constraint)
                        || component.getAnnotatedType().isAnnotationPresent(constraint)) || (declared != null
                        && declared.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED);
    }

    private static boolean alwaysPresent(Class<?> record, RecordComponent component) {
        JsonInclude include = component.getAnnotation(JsonInclude.class);
        if (include == null) {
            include = component.getAccessor().getAnnotation(JsonInclude.class);
        }
        if (include == null) {
            include = record.getAnnotation(JsonInclude.class);
        }
        return include == null || include.value() == JsonInclude.Include.ALWAYS
                || include.value() == JsonInclude.Include.USE_DEFAULTS;
    }

    /** JSON Schema 2020-12 has no {@code nullable}: null is one more type, or one more choice beside a reference. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema allowNull(Schema property) {
        if (property.get$ref() != null || property.getAllOf() != null) {
            Schema nullType = new Schema<>();
            nullType.setTypes(Set.of("null"));
            Schema either = new Schema<>();
            either.setAnyOf(List.of(property, nullType));
            either.setDescription(property.getDescription());
            return either;
        }
        Set<String> types = property.getTypes() != null ? new LinkedHashSet<>(property.getTypes()) : new LinkedHashSet<>();
        if (types.isEmpty() && property.getType() != null) {
            types.add(property.getType());
        }
        if (types.isEmpty()) {
            return property;
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }
}
