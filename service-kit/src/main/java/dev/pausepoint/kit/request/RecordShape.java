package dev.pausepoint.kit.request;

import jakarta.validation.GroupSequence;
import jakarta.validation.Validator;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the reader needs to know about one request record, worked out once per record: its fields in
 * declaration order with their JSON names and types, and its gates in the order they are judged.
 */
final class RecordShape<T extends Record> {

    /** One field: where it sits, what the client calls it, what JSON it accepts. */
    record Component(int index, String javaName, String jsonName, JsonType type, String typeIssue,
            Type javaType, List<Class<? extends Annotation>> constraintOrder) {

        /** Position of a constraint among the field's annotations, as written: the first one failing is reported. */
        int rank(Class<? extends Annotation> constraint) {
            int at = constraintOrder.indexOf(constraint);
            return at < 0 ? Integer.MAX_VALUE : at;
        }
    }

    /** A gate group with the fields whose constraints are in it. */
    record GateGroup(Class<?> group, Gate gate, Set<Integer> components) {
    }

    private final Class<T> type;
    private final Constructor<T> constructor;
    private final List<Component> components;
    private final Map<String, Component> byJavaName = new LinkedHashMap<>();
    private final Map<String, Component> byJsonName = new LinkedHashMap<>();
    private final List<GateGroup> gates;

    RecordShape(Class<T> type, JsonMapper json, Validator validator) {
        this.type = type;
        RecordComponent[] declared = type.getRecordComponents();
        this.constructor = canonicalConstructor(type, declared);
        DeserializationConfig config = json.deserializationConfig();
        PropertyNamingStrategy naming = config.getPropertyNamingStrategy();
        List<Component> list = new ArrayList<>();
        for (int i = 0; i < declared.length; i++) {
            RecordComponent component = declared[i];
            String javaName = component.getName();
            String jsonName = naming == null ? javaName : naming.nameForConstructorParameter(config, null, javaName);
            TypeIssue typeIssue = component.getAnnotation(TypeIssue.class);
            Component c = new Component(i, javaName, jsonName, JsonType.of(component.getGenericType()),
                    typeIssue == null ? null : typeIssue.value(), component.getGenericType(),
                    constraintOrder(type, javaName));
            list.add(c);
            byJavaName.put(javaName, c);
            byJsonName.put(jsonName, c);
        }
        this.components = List.copyOf(list);

        // A record's own group sequence is its gates, in the order they are judged, then the record itself
        // (Bean Validation's name for its Default group): the one 422 validates Default, which re-runs the
        // gates (they passed) and then every other constraint.
        GroupSequence sequence = type.getAnnotation(GroupSequence.class);
        List<Class<?>> groups = sequence == null ? List.of(type) : List.of(sequence.value());
        List<GateGroup> gateGroups = new ArrayList<>();
        for (Class<?> group : groups.subList(0, groups.size() - 1)) {
            Gate gate = group.getAnnotation(Gate.class);
            if (gate == null) {
                throw new IllegalStateException(type.getName() + ": its @GroupSequence must list @Gate groups and "
                        + "then the record itself, last; " + group.getSimpleName() + " is not a gate");
            }
            gateGroups.add(new GateGroup(group, gate, gatedComponents(validator, group)));
        }
        if (groups.get(groups.size() - 1) != type) {
            throw new IllegalStateException(type.getName() + ": its @GroupSequence must end with the record itself");
        }
        this.gates = List.copyOf(gateGroups);
    }

    List<Component> components() {
        return components;
    }

    Component byJavaName(String name) {
        return byJavaName.get(name);
    }

    Component byJsonName(String name) {
        return byJsonName.get(name);
    }

    List<GateGroup> gates() {
        return gates;
    }

    /** The record from its field values, in component order; a compact constructor's own exception passes through. */
    T construct(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(type.getName() + " could not be built", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " could not be built", e);
        }
    }

    private Set<Integer> gatedComponents(Validator validator, Class<?> group) {
        var bean = validator.getConstraintsForClass(type);
        return components.stream().filter(c -> {
            PropertyDescriptor property = bean.getConstraintsForProperty(c.javaName());
            return property != null && (property.findConstraints().unorderedAndMatchingGroups(group).hasConstraints()
                    || property.getConstrainedContainerElementTypes().stream().anyMatch(element ->
                            element.findConstraints().unorderedAndMatchingGroups(group).hasConstraints()));
        }).map(Component::index).collect(Collectors.toUnmodifiableSet());
    }

    private static <T> Constructor<T> canonicalConstructor(Class<T> type, RecordComponent[] components) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has its canonical constructor: " + type.getName(), e);
        }
    }

    /** The field's annotations as written, then its elements' ({@code List<@HasText String>}). */
    private static List<Class<? extends Annotation>> constraintOrder(Class<?> type, String javaName) {
        try {
            Field field = type.getDeclaredField(javaName);
            List<Class<? extends Annotation>> order = new ArrayList<>();
            addTypes(field.getDeclaredAnnotations(), order);
            if (field.getAnnotatedType() instanceof AnnotatedParameterizedType parameterized) {
                for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                    addTypes(argument.getDeclaredAnnotations(), order);
                }
            }
            return List.copyOf(order);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record component always has its field: " + javaName, e);
        }
    }

    private static void addTypes(Annotation[] annotations, List<Class<? extends Annotation>> to) {
        for (Annotation annotation : annotations) {
            to.add(annotation.annotationType());
        }
    }

    /** The JSON of one field in {@code body}, or null when it is absent or JSON null (both mean "not given"). */
    static JsonNode given(JsonNode body, Component component) {
        JsonNode node = body.get(component.jsonName());
        return node == null || node.isNull() ? null : node;
    }
}
