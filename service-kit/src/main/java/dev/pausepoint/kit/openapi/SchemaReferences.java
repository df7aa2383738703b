package dev.pausepoint.kit.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records an {@link ApiOperation} names (bodies read as a tree, answers a handler writes itself): each
 * operation refers to its schema by name, and the schemas are added to the document's components once it
 * is built, through the same converters as every other schema.
 */
class SchemaReferences {

    private final Map<String, Class<?>> named = new ConcurrentHashMap<>();

    Schema<?> to(Class<?> type) {
        if (type == String.class) {
            return new Schema<>().types(Set.of("string"));
        }
        // A provider's own format, read as it comes: a form's fields, a batch of JSON objects.
        if (type == Map.class) {
            return new Schema<>().types(Set.of("object")).additionalProperties(new Schema<>().types(Set.of("string")));
        }
        if (type == List.class) {
            return new Schema<>().types(Set.of("array")).items(new Schema<>().types(Set.of("object")));
        }
        named.put(type.getSimpleName(), type);
        return new Schema<>().$ref(SharedComponents.SCHEMAS + type.getSimpleName());
    }

    @SuppressWarnings("rawtypes")
    void addTo(OpenAPI document) {
        named.values().forEach(type -> {
            Map<String, Schema> schemas = ModelConverters.getInstance(true).readAll(new AnnotatedType(type));
            schemas.forEach(document.getComponents()::addSchemas);
        });
    }
}
