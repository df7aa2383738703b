package dev.pausepoint.systemtests.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a kustomization folder the way {@code kubectl apply -k} does, for the features deploy/kubernetes
 * uses and nothing more; anything else fails the render instead of being silently skipped, so the
 * manifests stay within what this renders faithfully (docs/operations.md, "Kubernetes"):
 * <ul>
 * <li>{@code resources}: YAML files (every document in each) and folders holding a kustomization,
 * rendered first, in the order listed;</li>
 * <li>{@code patches}: {@code path} entries only, each one strategic-merge patch naming its target by
 * {@code kind} and {@code metadata.name}, made of maps only (a list would need Kubernetes' per-field
 * merge keys): the patch's maps are merged into the target's;</li>
 * <li>{@code images}: {@code newName} and {@code newTag} of every container whose image has that name;</li>
 * <li>{@code namespace}: set on every object but the cluster-wide kinds.</li>
 * </ul>
 * Two objects with the same kind and name fail, as in kustomize.
 */
final class Kustomization {

    static final String FILE = "kustomization.yaml";
    private static final Set<String> KEYS = Set.of("apiVersion", "kind", "namespace", "resources", "patches", "images");
    private static final Set<String> CLUSTER_WIDE = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "PersistentVolume", "StorageClass", "CustomResourceDefinition", "PriorityClass", "IngressClass");

    private final Path folder;
    private final Map<String, Object> spec;

    private Kustomization(Path folder) {
        this.folder = folder;
        this.spec = readOne(folder.resolve(FILE));
        Set<String> unknown = new LinkedHashSet<>(spec.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(folder + ": " + unknown + " is beyond what this renderer implements");
        }
    }

    static Kustomization of(Path folder) {
        return new Kustomization(folder);
    }

    /** The files and folders listed as resources, and the patch files, resolved against the folder. */
    List<Path> references() {
        List<Path> all = new ArrayList<>(strings("resources").stream().map(folder::resolve).map(Path::normalize).toList());
        patches().forEach(patch -> all.add(folder.resolve((String) patch.get("path")).normalize()));
        return all;
    }

    List<Map<String, Object>> render() {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String resource : strings("resources")) {
            Path path = folder.resolve(resource).normalize();
            objects.addAll(Files.isDirectory(path) ? of(path).render() : readAll(path));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Map<String, Object> object : objects) {
            if (!ids.add(id(object))) {
                throw new IllegalStateException(folder + ": " + id(object) + " is defined twice");
            }
        }
        for (Map<String, Object> patchEntry : patches()) {
            if (patchEntry.size() != 1 || !(patchEntry.get("path") instanceof String file)) {
                throw new IllegalStateException(folder + ": a patch must be a path alone: " + patchEntry);
            }
            List<Map<String, Object>> documents = readAll(folder.resolve(file));
            if (documents.size() != 1) {
                throw new IllegalStateException(folder + ": " + file + " must hold exactly one patch");
            }
            Map<String, Object> patch = documents.get(0);
            Map<String, Object> target = objects.stream().filter(object -> id(object).equals(id(patch))).findFirst()
                    .orElseThrow(() -> new IllegalStateException(folder + ": " + file + " patches " + id(patch)
                            + ", which no resource defines"));
            merge(target, patch, file);
        }
        for (Map<String, Object> image : list("images")) {
            objects.forEach(object -> containers(object).forEach(container -> retag(container, image)));
        }
        if (spec.get("namespace") instanceof String namespace) {
            objects.stream().filter(object -> !CLUSTER_WIDE.contains(object.get("kind")))
                    .forEach(object -> metadata(object).put("namespace", namespace));
        }
        return objects;
    }

    static String id(Map<String, Object> object) {
        return object.get("kind") + "/" + metadata(object).get("name");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }

    /** The containers of a workload's pod template; none for other kinds. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Map<String, Object> object) {
        Object spec = object.get("spec");
        if (!(spec instanceof Map<?, ?> specMap) || !(specMap.get("template") instanceof Map<?, ?> template)
                || !(template.get("spec") instanceof Map<?, ?> podSpec)) {
            return List.of();
        }
        List<Map<String, Object>> all = new ArrayList<>();
        for (String field : List.of("initContainers", "containers")) {
            if (podSpec.get(field) instanceof List<?> containers) {
                containers.forEach(container -> all.add((Map<String, Object>) container));
            }
        }
        return all;
    }

    private static void retag(Map<String, Object> container, Map<String, Object> image) {
        String current = (String) container.get("image");
        int colon = current.lastIndexOf(':');
        boolean tagged = colon > current.lastIndexOf('/');
        String name = tagged ? current.substring(0, colon) : current;
        if (!name.equals(image.get("name"))) {
            return;
        }
        String newName = image.get("newName") instanceof String replaced ? replaced : name;
        String tag = image.get("newTag") instanceof String newTag ? ":" + newTag : tagged ? current.substring(colon) : "";
        container.put("image", newName + tag);
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<String, Object> patch, String file) {
        patch.forEach((key, value) -> {
            if (key.startsWith("$") || value instanceof List<?>) {
                throw new IllegalStateException(file + ": " + key + " is beyond the maps-only patches rendered here");
            }
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> nested && target.get(key) instanceof Map<?, ?> existing) {
                merge((Map<String, Object>) existing, (Map<String, Object>) nested, file);
            } else {
                target.put(key, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String key) {
        return spec.get(key) == null ? List.of() : (List<String>) spec.get(key);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String key) {
        return spec.get(key) == null ? List.of() : (List<Map<String, Object>>) spec.get(key);
    }

    private List<Map<String, Object>> patches() {
        return list("patches");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readAll(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(read(file))) {
            if (document != null) {
                documents.add(new LinkedHashMap<>((Map<String, Object>) document));
            }
        }
        return documents;
    }

    private static Map<String, Object> readOne(Path file) {
        List<Map<String, Object>> documents = readAll(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " must hold one document");
        }
        return documents.get(0);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
