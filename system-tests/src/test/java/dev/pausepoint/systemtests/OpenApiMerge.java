package dev.pausepoint.systemtests;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One document from the gateway's part and each service's (docs/openapi.md): paths, components and
 * webhooks side by side. Two parts describing one operation, or one component name two ways, is an error
 * rather than a silent choice; the pieces every service shares from the kit are equal and kept once.
 */
final class OpenApiMerge {

    private static final List<String> SECTIONS = List.of("schemas", "responses", "parameters", "examples", "headers",
            "securitySchemes");

    private OpenApiMerge() {
    }

    static ObjectNode merge(ObjectNode gateway, Map<String, JsonNode> services) {
        ObjectNode merged = gateway.deepCopy();
        List<String> conflicts = new ArrayList<>();
        ObjectNode paths = (ObjectNode) merged.get("paths");
        ObjectNode components = (ObjectNode) merged.get("components");
        ObjectNode webhooks = merged.has("webhooks") ? (ObjectNode) merged.get("webhooks") : merged.putObject("webhooks");
        services.forEach((service, document) -> {
            if (!document.path("openapi").asString("").startsWith("3.1")) {
                conflicts.add(service + " describes OpenAPI " + document.path("openapi").asString() + ", not 3.1");
            }
            document.path("paths").properties().forEach(path -> {
                ObjectNode item = paths.has(path.getKey()) ? (ObjectNode) paths.get(path.getKey())
                        : paths.putObject(path.getKey());
                path.getValue().properties().forEach(operation -> {
                    if (item.has(operation.getKey())) {
                        conflicts.add(service + " describes " + operation.getKey().toUpperCase() + " " + path.getKey()
                                + ", which another part describes too");
                    }
                    item.set(operation.getKey(), operation.getValue());
                });
            });
            for (String section : SECTIONS) {
                ObjectNode into = components.has(section) ? (ObjectNode) components.get(section)
                        : components.putObject(section);
                document.path("components").path(section).properties().forEach(entry -> {
                    JsonNode existing = into.get(entry.getKey());
                    if (existing != null && !existing.equals(entry.getValue())) {
                        conflicts.add(service + " describes components." + section + "." + entry.getKey()
                                + " differently from another part:\n  " + existing + "\n  " + entry.getValue());
                    }
                    into.set(entry.getKey(), entry.getValue());
                });
            }
            document.path("webhooks").properties().forEach(entry -> webhooks.set(entry.getKey(), entry.getValue()));
        });
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException("The parts of the OpenAPI document disagree:\n" + String.join("\n", conflicts));
        }
        sortKeys(paths);
        sortKeys(webhooks);
        for (String section : SECTIONS) {
            if (components.has(section)) {
                sortKeys((ObjectNode) components.get(section));
            }
        }
        return merged;
    }

    private static void sortKeys(ObjectNode node) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            sorted.put(entry.getKey(), entry.getValue());
        }
        node.removeAll();
        sorted.forEach(node::set);
    }

    /** Where two documents differ, as JSON pointers, at most {@code limit} of them. */
    static List<String> differences(JsonNode expected, JsonNode actual, int limit) {
        List<String> found = new ArrayList<>();
        diff("", expected, actual, found, limit);
        return found;
    }

    private static void diff(String pointer, JsonNode expected, JsonNode actual, List<String> found, int limit) {
        if (found.size() >= limit || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    found.add("added   " + child);
                } else if (!actual.has(name)) {
                    found.add("removed " + child);
                } else {
                    diff(child, expected.get(name), actual.get(name), found, limit);
                }
            }
            return;
        }
        found.add("changed " + (pointer.isEmpty() ? "/" : pointer) + ": " + abbreviate(expected) + " -> "
                + abbreviate(actual));
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
