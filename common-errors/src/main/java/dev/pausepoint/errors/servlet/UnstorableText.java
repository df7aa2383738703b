package dev.pausepoint.errors.servlet;

import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.FieldNames;
import dev.pausepoint.errors.ValidationException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Text a request may carry but the database cannot hold: U+0000, which Postgres refuses in {@code text}
 * (the insert fails, so the request would end in a 500), and an unpaired UTF-16 surrogate, which has no
 * UTF-8 form (the driver would silently store {@code ?} instead). Both arrive easily from JSON
 * ({@code "\u0000"}, {@code "\ud800"}) and from percent-encoded forms. Every string of a request is
 * checked here, once, before any field rule: like malformed JSON, such a request cannot be stored
 * whatever else is wrong with it.
 *
 * <p>{@link #find} walks whatever a request body became: a Jackson tree, records and other objects,
 * maps, collections, arrays, {@code Optional}s, strings. Fields are named as clients sent them:
 * {@code snake_case} for Java properties (as {@link FieldNames} names Bean Validation's issues),
 * object keys as written, {@code [i]} for array items ({@code body[0]} when the body is an array),
 * {@code ["a.b"]} for a key that is not a plain name.
 * A bad object key is reported on the object that holds it ({@code body} at the top), since echoing the
 * key would echo the bad text. At most {@link #MAX_ISSUES} issues are listed, so a body of ten thousand
 * bad strings does not make a response ten thousand issues long.
 */
public final class UnstorableText {

    public static final int MAX_ISSUES = 20;
    private static final String NUL = "U+0000 (NUL)";
    private static final String SURROGATE = "an unpaired UTF-16 surrogate";
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_\\-]+");

    private UnstorableText() {
    }

    /** Why {@code text} cannot be stored, as a field issue ("must not contain ..."), or null when it can. */
    public static String problem(CharSequence text) {
        String offence = offence(text);
        return offence == null ? null : "must not contain " + offence;
    }

    /**
     * Why a name ({@code noun}: an object's key, a parameter's name) cannot be stored, as an issue of
     * whatever holds it ("must not have a key containing ..."), or null when it can.
     */
    public static String problemInName(CharSequence name, String noun) {
        String offence = offence(name);
        return offence == null ? null : "must not have a " + noun + " containing " + offence;
    }

    /** What in {@code text} cannot be stored, or null. */
    private static String offence(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return NUL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return SURROGATE;
                }
            } else if (Character.isLowSurrogate(c)) {
                return SURROGATE;
            }
        }
        return null;
    }

    /** Refuses one named value (a header, a parameter) with 422 when it cannot be stored. */
    public static void check(String field, CharSequence text) {
        String problem = text == null ? null : problem(text);
        if (problem != null) {
            throw new ValidationException(field, problem);
        }
    }

    /** Refuses {@code value} with 422 listing its unstorable strings; {@code root} names a bare value. */
    public static void checkAll(Object value, String root) {
        List<FieldIssue> issues = find(value, root);
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
    }

    /**
     * Every string in {@code value} that cannot be stored, in document order, at most {@link #MAX_ISSUES}.
     * {@code root} is the name of {@code value} itself ({@code body}), used when it is a bare string or
     * when a key of the outermost object is bad.
     */
    public static List<FieldIssue> find(Object value, String root) {
        return new Walk(root).run(value);
    }

    /** Where a value sits: a chain of names and indexes, rendered only when something there is wrong. */
    private record Path(Path parent, String name, int index) {

        static final Path ROOT = new Path(null, null, -1);

        Path child(String childName) {
            return new Path(this, childName, -1);
        }

        Path item(int childIndex) {
            return new Path(this, null, childIndex);
        }

        String render(String root) {
            if (parent == null) {
                return root;
            }
            Deque<Path> steps = new ArrayDeque<>();
            for (Path p = this; p.parent != null; p = p.parent) {
                steps.push(p);
            }
            // A body that is an array names its items body[0]; an object's fields are named without it.
            StringBuilder out = new StringBuilder(steps.peek().name == null ? root : "");
            for (Path step : steps) {
                if (step.name == null) {
                    out.append('[').append(step.index).append(']');
                } else if (PLAIN_NAME.matcher(step.name).matches()) {
                    if (!out.isEmpty()) {
                        out.append('.');
                    }
                    out.append(step.name);
                } else {
                    out.append("[\"").append(step.name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
                }
            }
            return out.toString();
        }
    }

    /**
     * One walk, iterative so that no nesting depth can overflow the stack. Containers already seen are
     * skipped, so an object graph with a cycle ends.
     */
    private static final class Walk {

        private record Pending(Object value, Path path) {
        }

        private final String root;
        private final Set<FieldIssue> issues = new LinkedHashSet<>();
        private final Deque<Pending> stack = new ArrayDeque<>();
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        Walk(String root) {
            this.root = root;
        }

        List<FieldIssue> run(Object value) {
            stack.push(new Pending(value, Path.ROOT));
            while (!stack.isEmpty() && issues.size() < MAX_ISSUES) {
                Pending next = stack.pop();
                visit(next.value(), next.path());
            }
            return List.copyOf(issues);
        }

        private void visit(Object value, Path path) {
            if (value == null) {
                return;
            }
            if (value instanceof CharSequence text) {
                report(path, problem(text));
            } else if (value instanceof Character c) {
                report(path, problem(String.valueOf(c)));
            } else if (value instanceof char[] chars) {
                report(path, problem(new String(chars)));
            } else if (value instanceof JsonNode node) {
                visitNode(node, path);
            } else if (value instanceof Optional<?> optional) {
                optional.ifPresent(inner -> stack.push(new Pending(inner, path)));
            } else if (!seen.add(value)) {
                return;
            } else if (value instanceof Map<?, ?> map) {
                List<Pending> children = new ArrayList<>(map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    if (entry.getKey() instanceof CharSequence || entry.getKey() instanceof Character) {
                        report(path, problemInName(key, "key"));
                    }
                    children.add(new Pending(entry.getValue(), path.child(key)));
                }
                pushInOrder(children);
            } else if (value instanceof Iterable<?> iterable) {
                List<Pending> children = new ArrayList<>();
                int i = 0;
                for (Iterator<?> it = iterable.iterator(); it.hasNext(); i++) {
                    children.add(new Pending(it.next(), path.item(i)));
                }
                pushInOrder(children);
            } else if (value.getClass().isArray()) {
                if (value.getClass().getComponentType().isPrimitive()) {
                    return; // bytes and numbers; char[] was read above
                }
                int length = Array.getLength(value);
                List<Pending> children = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    children.add(new Pending(Array.get(value, i), path.item(i)));
                }
                pushInOrder(children);
            } else if (value instanceof Record record) {
                visitRecord(record, path);
            } else if (isApplicationObject(value.getClass())) {
                visitFields(value, path);
            }
            // Anything else (numbers, booleans, enums, times, ids) is not text a client wrote.
        }

        private void visitNode(JsonNode node, Path path) {
            if (node.isString()) {
                report(path, problem(node.stringValue()));
            } else if (node.isObject()) {
                List<Pending> children = new ArrayList<>(node.size());
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    report(path, problemInName(property.getKey(), "key"));
                    children.add(new Pending(property.getValue(), path.child(property.getKey())));
                }
                pushInOrder(children);
            } else if (node.isArray()) {
                List<Pending> children = new ArrayList<>(node.size());
                for (int i = 0; i < node.size(); i++) {
                    children.add(new Pending(node.get(i), path.item(i)));
                }
                pushInOrder(children);
            } else if (node.isPojo()) {
                stack.push(new Pending(((tools.jackson.databind.node.POJONode) node).getPojo(), path));
            }
        }

        private void visitRecord(Record record, Path path) {
            List<Pending> children = new ArrayList<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object value = read(() -> {
                    var accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    return accessor.invoke(record);
                });
                children.add(new Pending(value, path.child(FieldNames.toSnakeCase(component.getName()))));
            }
            pushInOrder(children);
        }

        private void visitFields(Object object, Path path) {
            List<Pending> children = new ArrayList<>();
            for (Class<?> type = object.getClass(); type != null && isApplicationObject(type);
                    type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                        continue;
                    }
                    Object value = read(() -> {
                        field.setAccessible(true);
                        return field.get(object);
                    });
                    children.add(new Pending(value, path.child(FieldNames.toSnakeCase(field.getName()))));
                }
            }
            pushInOrder(children);
        }

        /** Two bad keys of one object are one issue: both name the object. */
        private void report(Path path, String problem) {
            if (problem != null && issues.size() < MAX_ISSUES) {
                issues.add(new FieldIssue(path.render(root), problem));
            }
        }

        /** Children are pushed last-first so they are visited in document order. */
        private void pushInOrder(List<Pending> children) {
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }

        private interface Read {
            Object get() throws ReflectiveOperationException;
        }

        /** A property that cannot be read was not bound from the request either. */
        private static Object read(Read read) {
            try {
                return read.get();
            } catch (ReflectiveOperationException | InaccessibleObjectException | SecurityException e) {
                return null;
            }
        }

        /** Classes of the JDK and of libraries in named modules are values, not request objects. */
        private static boolean isApplicationObject(Class<?> type) {
            if (type.isEnum() || type.isPrimitive() || type.getModule().isNamed()) {
                return false;
            }
            String name = type.getName();
            return !(name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                    || name.startsWith("sun."));
        }
    }
}
