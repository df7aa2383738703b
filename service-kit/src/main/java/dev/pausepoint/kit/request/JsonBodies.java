package dev.pausepoint.kit.request;

import dev.pausepoint.errors.ApiJsonRules;
import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.errors.servlet.UnstorableText;
import dev.pausepoint.kit.request.RecordShape.Component;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a servlet service reads a JSON request body into its request record:
 * <ol>
 *   <li>the body must be a JSON object, and every string in it storable ({@link UnstorableText});</li>
 *   <li>each field's JSON type is checked against the record ({@link JsonType}: no coercion), every field,
 *       not only up to the first wrong one;</li>
 *   <li>the fields of each {@link Gate} group are judged, in the order of the record's
 *       {@link jakarta.validation.GroupSequence}: a wrong type or a failed constraint there is the gate's own
 *       error, and nothing after it is judged;</li>
 *   <li>everything else is one 422 VALIDATION_ERROR: type problems, Bean Validation's constraints, and the
 *       caller's {@code rules} (cross-field or configuration-dependent), one issue per field (the first
 *       that applies, in that order; among constraints, the one written first), in the record's field
 *       order.</li>
 * </ol>
 * Binding is by hand, field by field through the project's mapper ({@link ApiJsonRules}: snake_case names),
 * so that a body with a wrong field still becomes a record and the other fields are still validated. A
 * field that is absent and one that is JSON null are both null. Unknown fields are ignored.
 *
 * <p>Static rather than a bean: it has no configuration (the mapper rules are the project's, the validator
 * Bean Validation's default, since request constraints need no beans), so a unit test or a class built by
 * hand reads a body exactly as a controller does. Each record's shape is worked out on its first read.
 */
public final class JsonBodies {

    private static final JsonMapper JSON = apiMapper();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final ClassValue<RecordShape<?>> SHAPES = new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected RecordShape<?> computeValue(Class<?> type) {
            return new RecordShape(type, JSON, VALIDATOR);
        }
    };

    private JsonBodies() {
    }

    /** {@code body} as a {@code type}, or the gate's error, or one 422 listing every failing field. */
    public static <T extends Record> T read(JsonNode body, Class<T> type) {
        return read(body, type, request -> List.of());
    }

    /**
     * As {@link #read(JsonNode, Class)}, with {@code rules} that Bean Validation cannot express by annotation
     * (one field against another, or against configuration). They run once the gates pass, on the record
     * with every field that already failed set to null, so a rule skips null and never repeats a problem;
     * the field of each issue is a JSON name of the record.
     */
    public static <T extends Record> T read(JsonNode body, Class<T> type,
            Function<? super T, ? extends Collection<FieldIssue>> rules) {
        if (body == null || !body.isObject()) {
            throw new ValidationException("body", "must be a JSON object");
        }
        UnstorableText.checkAll(body, "body");
        @SuppressWarnings("unchecked")
        RecordShape<T> shape = (RecordShape<T>) SHAPES.get(type);
        List<Component> components = shape.components();
        Object[] values = new Object[components.size()];
        FieldIssue[] issues = new FieldIssue[components.size()];
        for (Component component : components) {
            JsonNode node = RecordShape.given(body, component);
            if (node == null) {
                continue;
            }
            String problem = component.type().problem(node);
            if (problem == null) {
                values[component.index()] = JSON.treeToValue(node, JSON.constructType(component.javaType()));
            } else {
                issues[component.index()] = new FieldIssue(component.jsonName(),
                        component.typeIssue() == null ? problem : component.typeIssue());
            }
        }
        T request = shape.construct(values);

        for (RecordShape.GateGroup gate : shape.gates()) {
            boolean mistyped = gate.components().stream().anyMatch(index -> issues[index] != null);
            if (mistyped || !VALIDATOR.validate(request, gate.group()).isEmpty()) {
                throw new GatedFieldException(gate.gate());
            }
        }

        Set<FieldIssue> unplaced = new LinkedHashSet<>();
        List<ConstraintViolation<T>> violations = new ArrayList<>(VALIDATOR.validate(request, Default.class));
        violations.sort(Comparator.comparingInt((ConstraintViolation<T> v) -> rank(shape, v))
                .thenComparing(ConstraintViolation::getMessage));
        for (ConstraintViolation<T> violation : violations) {
            Component component = shape.byJavaName(firstName(violation.getPropertyPath()));
            if (component == null) {
                unplaced.add(new FieldIssue("body", violation.getMessage()));
            } else if (issues[component.index()] == null) {
                issues[component.index()] = new FieldIssue(component.jsonName(), violation.getMessage());
            }
        }

        for (FieldIssue issue : rules.apply(withoutFailedFields(shape, request, values, issues))) {
            Component component = shape.byJsonName(issue.field());
            if (component == null) {
                unplaced.add(issue);
            } else if (issues[component.index()] == null) {
                issues[component.index()] = issue;
            }
        }

        List<FieldIssue> all = new ArrayList<>();
        for (FieldIssue issue : issues) {
            if (issue != null) {
                all.add(issue);
            }
        }
        all.addAll(unplaced);
        if (!all.isEmpty()) {
            throw new ValidationException(all);
        }
        return request;
    }

    /** The record the rules see: each field that already has an issue is null. */
    private static <T extends Record> T withoutFailedFields(RecordShape<T> shape, T request, Object[] values,
            FieldIssue[] issues) {
        boolean anyFailed = false;
        Object[] kept = values.clone();
        for (int i = 0; i < issues.length; i++) {
            if (issues[i] != null) {
                kept[i] = null;
                anyFailed = true;
            }
        }
        return anyFailed ? shape.construct(kept) : request;
    }

    /** Field order first, then the order the field's constraints are written in; class-level ones last. */
    private static <T extends Record> int rank(RecordShape<T> shape, ConstraintViolation<T> violation) {
        Component component = shape.byJavaName(firstName(violation.getPropertyPath()));
        if (component == null) {
            return Integer.MAX_VALUE;
        }
        int within = component.rank(violation.getConstraintDescriptor().getAnnotation().annotationType());
        return component.index() * 1000 + Math.min(within, 999);
    }

    private static String firstName(Path path) {
        Iterator<Path.Node> nodes = path.iterator();
        return nodes.hasNext() ? nodes.next().getName() : null;
    }

    private static JsonMapper apiMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new ApiJsonRules().customize(builder);
        return builder.build();
    }
}
