package dev.pausepoint.localstack;

import dev.pausepoint.testsupport.Folders;
import dev.pausepoint.testsupport.embedded.EmbeddedKafkaServer;
import dev.pausepoint.testsupport.embedded.EmbeddedPostgresServer;
import dev.pausepoint.testsupport.embedded.EmbeddedRedisServer;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local}: the whole system on this machine. Real Postgres, Kafka and Redis on fixed
 * ports with their data in {@code .local/} (kept between runs unless {@code --clean}), then the five
 * services as separate JVMs; it waits for {@code /health}, prints where to start, and stops everything
 * on Ctrl-C.
 */
public final class LocalStack {

    private final Workspace workspace;
    private final Path data;
    private final Map<String, Integer> infraPorts;
    private final Map<Service, Integer> servicePorts;
    private final Map<Service, Integer> managementPorts;
    private final List<AutoCloseable> running = new ArrayList<>();

    private LocalStack(Workspace workspace) {
        this.workspace = workspace;
        this.data = Path.of(env("PAUSEPOINT_DATA_DIR", workspace.root().resolve(".local").toString()));
        this.infraPorts = Map.of(
                "Postgres", port("PAUSEPOINT_POSTGRES_PORT", 54320),
                "Kafka", port("PAUSEPOINT_KAFKA_PORT", 19092),
                "Kafka controller", port("PAUSEPOINT_KAFKA_CONTROLLER_PORT", 19093),
                "Redis", port("PAUSEPOINT_REDIS_PORT", 16379));
        this.servicePorts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            servicePorts.put(service, port("PAUSEPOINT_" + service.name() + "_PORT", service.defaultPort()));
        }
        this.managementPorts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            // The gateway's keeps its old name, PAUSEPOINT_MANAGEMENT_PORT.
            managementPorts.put(service, port(service == Service.GATEWAY ? "PAUSEPOINT_MANAGEMENT_PORT"
                    : "PAUSEPOINT_" + service.name() + "_MANAGEMENT_PORT", service.defaultManagementPort()));
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        if (options.contains("--help")) {
            System.out.println("""
                    usage: ./run-local [--clean]
                      --clean   delete .local/ (databases, topics, Redis data, logs) before starting
                    Ports: PAUSEPOINT_{POSTGRES,KAFKA,KAFKA_CONTROLLER,REDIS,GATEWAY,PAUSE,DELIVERY,RESPONSE,
                    BILLING,MANAGEMENT}_PORT; services' actuator: PAUSEPOINT_{PAUSE,DELIVERY,RESPONSE,BILLING}_MANAGEMENT_PORT.
                    JVM options of the services: PAUSEPOINT_SERVICE_JVM_OPTS.""");
            return;
        }
        LocalStack stack = new LocalStack(Workspace.locate());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start(options.contains("--clean"));
        } catch (RuntimeException e) {
            System.err.println("\nPausePoint did not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void start(boolean clean) {
        long started = System.nanoTime();
        if (clean) {
            Folders.deleteRecursively(data);
        }
        refuseBusyPorts();
        Path logs = data.resolve("logs");
        say("Starting Postgres on " + infraPorts.get("Postgres") + ", Kafka on " + infraPorts.get("Kafka")
                + ", Redis on " + infraPorts.get("Redis") + " (data in " + data + ")");
        EmbeddedPostgresServer postgres = keep(EmbeddedPostgresServer.start(infraPorts.get("Postgres"),
                data.resolve("postgres")));
        EmbeddedRedisServer redis = keep(EmbeddedRedisServer.start(infraPorts.get("Redis"), data.resolve("redis")));
        EmbeddedKafkaServer kafka = keep(EmbeddedKafkaServer.start(infraPorts.get("Kafka"),
                infraPorts.get("Kafka controller"), data.resolve("kafka")));
        say("Starting the services (logs in " + logs + ")");
        ServiceFleet fleet = keep(ServiceFleet.start(new ServiceFleet.Config(workspace, logs, postgres.access(),
                kafka.access(), redis.access(), servicePorts, managementPorts, internalSecret(), ServiceFleet.configuredJvmOptions(),
                Map.of())));
        fleet.awaitHealthy(Duration.ofSeconds(180), status -> say("  waiting: " + status));
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        String gateway = fleet.gatewayUrl().toString();
        say("");
        say("PausePoint is up in " + seconds + " s at " + gateway);
        say("Try:  curl -s " + gateway + "/health");
        say("      curl -s -X POST " + gateway + "/v1/auth/register -H 'Content-Type: application/json' \\");
        say("           -d '{\"email\":\"you@example.com\",\"name\":\"You\",\"password\":\"a long passphrase\"}'");
        say("      curl -s " + gateway + "/v1/auth/me -H 'Authorization: Bearer <api_key from the answer>'");
        say("Dashboard: " + gateway + "/dashboard    MCP (Streamable HTTP): " + gateway + "/mcp");
        say("Logs: " + logs + "    Stop: Ctrl-C");
    }

    private synchronized void stop() {
        if (running.isEmpty()) {
            return;
        }
        say("\nStopping PausePoint...");
        // Services first, so they close their consumers and pools while the infrastructure is still up.
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping " + running.get(i).getClass().getSimpleName() + " failed: " + e);
            }
        }
        running.clear();
        say("Stopped.");
    }

    private synchronized <T extends AutoCloseable> T keep(T resource) {
        running.add(resource);
        return resource;
    }

    /** A clear message now beats a service that half-starts against someone else's server. */
    private void refuseBusyPorts() {
        List<String> busy = new ArrayList<>();
        infraPorts.forEach((name, port) -> {
            if (!FreePorts.isFree(port)) {
                busy.add(name + " " + port);
            }
        });
        servicePorts.forEach((service, port) -> {
            if (!FreePorts.isFree(port)) {
                busy.add(service.moduleName() + " " + port);
            }
        });
        managementPorts.forEach((service, port) -> {
            if (!FreePorts.isFree(port)) {
                busy.add(service.moduleName() + " management " + port);
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + String.join(", ", busy)
                    + " (another stack running? set PAUSEPOINT_<NAME>_PORT to move one)");
        }
    }

    /** One random secret per data folder, readable only by its owner, reused across restarts. */
    private String internalSecret() {
        Path file = data.resolve("internal-secret");
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(data);
                Files.writeString(file, HexFormat.of().formatHex(random));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static int port(String variable, int fallback) {
        return Integer.parseInt(env(variable, String.valueOf(fallback)));
    }

    private static String env(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
