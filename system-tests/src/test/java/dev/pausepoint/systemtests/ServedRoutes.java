package dev.pausepoint.systemtests;

import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Every {@code METHOD /path} the built jars serve, read from their controllers' mapping annotations
 * in the class files (no class is loaded, so a service's dependencies need not be on this classpath).
 * Path variables read as {@code {}}, so a table does not depend on their names.
 */
final class ServedRoutes {

    private static final String CLASSES = "BOOT-INF/classes/";

    private ServedRoutes() {
    }

    static Set<String> ofEveryService() {
        return controllersOfEveryService().keySet();
    }

    /** Each route with the fully qualified name of the controller class that serves it. */
    static SortedMap<String, String> controllersOfEveryService() {
        Workspace workspace = Workspace.locate();
        SortedMap<String, String> routes = new TreeMap<>();
        for (Service service : Service.values()) {
            routes.putAll(in(workspace.jar(service)));
        }
        return Collections.unmodifiableSortedMap(routes);
    }

    static String normalize(String route) {
        return route.replaceAll("\\{[^}]*}", "{}");
    }

    private static Map<String, String> in(Path jar) {
        MetadataReaderFactory readers = new SimpleMetadataReaderFactory();
        Map<String, String> routes = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (entry.getName().startsWith(CLASSES) && entry.getName().endsWith(".class")) {
                    try (InputStream bytes = file.getInputStream(entry)) {
                        AnnotationMetadata type = readers.getMetadataReader(
                                new ByteArrayResource(bytes.readAllBytes(), entry.getName())).getAnnotationMetadata();
                        if (type.isAnnotated(Controller.class.getName())) {
                            of(type).forEach(route -> routes.put(route, type.getClassName()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return routes;
    }

    private static Set<String> of(AnnotationMetadata controller) {
        Set<String> routes = new TreeSet<>();
        List<String> prefixes = paths(controller.getAnnotations().get(RequestMapping.class));
        for (MethodMetadata method : controller.getDeclaredMethods()) {
            MergedAnnotation<RequestMapping> mapping = method.getAnnotations().get(RequestMapping.class);
            if (!mapping.isPresent()) {
                continue;
            }
            RequestMethod[] verbs = mapping.getEnumArray("method", RequestMethod.class);
            for (String prefix : prefixes) {
                for (String path : paths(mapping)) {
                    if (verbs.length == 0) {
                        routes.add(normalize("* " + prefix + path));
                    }
                    for (RequestMethod verb : verbs) {
                        routes.add(normalize(verb.name() + " " + prefix + path));
                    }
                }
            }
        }
        return routes;
    }

    private static List<String> paths(MergedAnnotation<RequestMapping> mapping) {
        if (!mapping.isPresent() || mapping.getStringArray("path").length == 0) {
            return List.of("");
        }
        return List.of(mapping.getStringArray("path"));
    }
}
