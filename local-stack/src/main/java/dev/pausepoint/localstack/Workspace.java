package dev.pausepoint.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository checkout the stack runs from: where the service jars are built. */
public record Workspace(Path root) {

    /** {@code -Dpausepoint.root}, else the nearest folder upwards holding the project's pom and gateway. */
    public static Workspace locate() {
        String configured = System.getProperty("pausepoint.root");
        if (configured != null) {
            return new Workspace(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("gateway/pom.xml"))) {
                return new Workspace(dir);
            }
        }
        throw new IllegalStateException("cannot find the PausePoint checkout above " + Path.of("").toAbsolutePath()
                + "; run from inside it or pass -Dpausepoint.root=<folder>");
    }

    public Path jar(Service service) {
        Path jar = root.resolve(service.moduleName()).resolve("target").resolve(service.moduleName() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build first with ./mvnw -DskipTests package");
        }
        return jar;
    }
}
