package dev.pausepoint.localstack;

import dev.pausepoint.testsupport.KafkaAccess;
import dev.pausepoint.testsupport.PostgresAccess;
import dev.pausepoint.testsupport.RedisAccess;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The services as separate JVMs (those {@link Config#ports()} names) against given Postgres, Kafka and Redis servers. Shared by the
 * local stack (fixed ports) and the system tests (free ports). Each process logs to its own file.
 */
public final class ServiceFleet implements AutoCloseable {

    /**
     * Small heaps and the serial collector: five services plus infrastructure on 2 cores and 2.5 GiB.
     * C1 only: five JVMs warming up at once on two cores start in about half the time (45 s instead of
     * 79 s here) and use less memory; whether peak throughput needs C2 is for the benchmark to show.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx192m",
            "-Xss512k", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError",
            "-Xshare:auto", "-XX:TieredStopAtLevel=1");

    /**
     * {@link #DEFAULT_JVM_OPTIONS} with full tiered compilation and the JVM's own code cache, as the container
     * image runs the services: for runs that warm the services until C2 has compiled their hot paths (the
     * benchmark), since a production process lives long enough for that (docs/decisions/0005-c1-locally.md).
     */
    public static final List<String> TIERED_JVM_OPTIONS = DEFAULT_JVM_OPTIONS.stream()
            .filter(option -> !option.startsWith("-XX:TieredStopAtLevel") && !option.startsWith("-XX:ReservedCodeCacheSize"))
            .toList();

    /**
     * The gateway's young generation, fixed at 64 MB of a heap that starts at 96 MB. It allocates the most
     * per request of the five; sized by default (a third of a heap that stays near 100 MB), its young
     * collections came every 200 ms under load and promoted the requests in flight, so a full collection
     * followed every few seconds and collecting took about a fifth of its CPU (docs/benchmark.md, "Where the
     * CPU goes"). The other services allocate less and promote next to nothing: they keep the default.
     */
    public static final List<String> GATEWAY_HEAP_OPTIONS = List.of("-Xms96m", "-Xmn64m");

    /**
     * {@code configured} for {@code service}, with {@link #GATEWAY_HEAP_OPTIONS} after them for the gateway
     * unless they size the young generation themselves (the last of a repeated option wins).
     */
    public static List<String> jvmOptionsOf(Service service, List<String> configured) {
        boolean sizesYoung = configured.stream().anyMatch(option -> option.startsWith("-Xmn")
                || option.startsWith("-XX:NewSize") || option.startsWith("-XX:MaxNewSize"));
        if (service != Service.GATEWAY || sizesYoung) {
            return configured;
        }
        List<String> options = new ArrayList<>(configured);
        options.addAll(GATEWAY_HEAP_OPTIONS);
        return List.copyOf(options);
    }

    /** {@code PAUSEPOINT_SERVICE_JVM_OPTS} (space-separated) when set, otherwise {@link #DEFAULT_JVM_OPTIONS}. */
    public static List<String> configuredJvmOptions() {
        return configuredJvmOptions(DEFAULT_JVM_OPTIONS);
    }

    /** {@code PAUSEPOINT_SERVICE_JVM_OPTS} (space-separated) when set, otherwise {@code defaults}. */
    public static List<String> configuredJvmOptions(List<String> defaults) {
        String configured = System.getenv("PAUSEPOINT_SERVICE_JVM_OPTS");
        return configured == null || configured.isBlank() ? defaults : List.of(configured.trim().split("\\s+"));
    }

    /**
     * Everything needed to start a fleet. {@code managementPorts} are each process's actuator port
     * (probes, {@code /actuator/prometheus}); {@code internalSecret} is the one all five share for the trust
     * boundary; {@code environment} is added to every service's environment. {@code instancesPerService}
     * copies of each service run (docs/scale-out.md): the first on {@code ports} and
     * {@code managementPorts}, the others on free ports, and every service URL variable lists them all.
     */
    public record Config(Workspace workspace, Path logDirectory, PostgresAccess postgres, KafkaAccess kafka,
            RedisAccess redis, Map<Service, Integer> ports, Map<Service, Integer> managementPorts,
            String internalSecret, List<String> jvmOptions, Map<String, String> environment, int instancesPerService) {

        /** One instance of each service. */
        public Config(Workspace workspace, Path logDirectory, PostgresAccess postgres, KafkaAccess kafka,
                RedisAccess redis, Map<Service, Integer> ports, Map<Service, Integer> managementPorts,
                String internalSecret, List<String> jvmOptions, Map<String, String> environment) {
            this(workspace, logDirectory, postgres, kafka, redis, ports, managementPorts, internalSecret, jvmOptions,
                    environment, 1);
        }
    }

    /** One copy of a service: numbered from 1, with its own port and management port. */
    public record Instance(Service service, int number, int port, int managementPort) {

        public URI url() {
            return URI.create("http://localhost:" + port);
        }
    }

    /** An instance count in {@code /health} with fewer ready than configured. */
    private static final Pattern NOT_ALL_READY = Pattern.compile(
            "\"ready\":(\\d+),\"configured\":(?!\\1\\})\\d+\\}");

    private final Config config;
    private final Map<Service, List<Instance>> instances = new EnumMap<>(Service.class);
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);
    private final Map<Instance, Process> copies = new LinkedHashMap<>();
    private final List<Process> additional = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceFleet(Config config) {
        this.config = config;
        // The services the caller gave ports for: every one, or the API's without the dashboard.
        for (Service service : config.ports().keySet()) {
            List<Instance> all = new ArrayList<>();
            all.add(new Instance(service, 1, config.ports().get(service),
                    config.managementPorts().get(service)));
            for (int number = 2; number <= config.instancesPerService(); number++) {
                all.add(new Instance(service, number, FreePorts.next(), FreePorts.next()));
            }
            instances.put(service, List.copyOf(all));
        }
    }

    public static ServiceFleet start(Config config) {
        ServiceFleet fleet = new ServiceFleet(config);
        try {
            Files.createDirectories(config.logDirectory());
            for (Service service : fleet.instances.keySet()) {
                if (service.database() != null) {
                    config.postgres().createDatabaseIfMissing(service.database());
                }
            }
            for (Service service : fleet.instances.keySet()) {
                fleet.processes.put(service, fleet.launch(service));
                for (Instance copy : fleet.instances(service).subList(1, fleet.instances(service).size())) {
                    fleet.copies.put(copy, fleet.launch(service, Map.of("PORT", String.valueOf(copy.port()),
                            "MANAGEMENT_PORT", String.valueOf(copy.managementPort())), fleet.logFile(copy)));
                }
            }
            return fleet;
        } catch (IOException | RuntimeException e) {
            fleet.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * Starts one more copy of {@code service} on {@code port} (and its management on
     * {@code managementPort}) with the fleet's settings, as a second instance behind a load balancer
     * would run. Stopped with the fleet.
     */
    public Process startAnother(Service service, int port, int managementPort) {
        return startAnother(service, port, managementPort, Map.of());
    }

    /** The same with {@code environment} on top of the fleet's, e.g. a service URL aimed elsewhere. */
    public Process startAnother(Service service, int port, int managementPort, Map<String, String> environment) {
        return startAnother(service, port, managementPort, environment, List.of());
    }

    /** The same with JVM options after the fleet's (the last {@code -Xmx} wins), e.g. a larger heap for one copy. */
    public Process startAnother(Service service, int port, int managementPort, Map<String, String> environment,
            List<String> moreJvmOptions) {
        Map<String, String> overrides = new LinkedHashMap<>(environment);
        overrides.put("PORT", String.valueOf(port));
        overrides.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        try {
            Process process = launch(service, overrides, config.logDirectory().resolve(service.moduleName() + "-"
                    + port + ".log"), false, moreJvmOptions);
            additional.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process launch(Service service) throws IOException {
        return launch(service, Map.of(), logFile(service));
    }

    private Process launch(Service service, Map<String, String> overrides, Path log) throws IOException {
        return launch(service, overrides, log, false);
    }

    private Process launch(Service service, Map<String, String> overrides, Path log, boolean append)
            throws IOException {
        return launch(service, overrides, log, append, List.of());
    }

    private Process launch(Service service, Map<String, String> overrides, Path log, boolean append,
            List<String> moreJvmOptions) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>(environment(service));
        environment.putAll(overrides);
        // One id per copy, kept across its restarts: its Kafka listeners rejoin as the same static members.
        environment.putIfAbsent("INSTANCE_ID", service.moduleName() + "-" + environment.get("PORT"));
        List<String> jvmOptions = new ArrayList<>(jvmOptionsOf(service, config.jvmOptions()));
        jvmOptions.addAll(moreJvmOptions);
        return launchJar(config.workspace().jar(service), jvmOptions, List.of(), environment,
                config.workspace().root(), log, append);
    }

    /**
     * Kills {@code service}'s first copy with SIGKILL, as a crash would: no graceful shutdown, no
     * consumer leaving its group, no connection closed politely. Start it again with {@link #restart}.
     */
    public void kill(Service service) {
        Process process = processes.get(service);
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(service.moduleName() + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + service.moduleName(), e);
        }
    }

    /**
     * Starts {@code service}'s first copy again, after {@link #kill} or an exit, on the same port and with
     * the same instance id; its log goes on in the same file. Await it with {@link #awaitHealthy}.
     */
    public void restart(Service service) {
        Process old = processes.get(service);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(service.moduleName() + " is still running");
        }
        try {
            processes.put(service, launch(service, Map.of(), logFile(service), true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code jar} with this JVM's java and {@code jvmOptions} in {@code directory}, with
     * {@code environment} added to ours and its output in {@code log}: how every process of the stack is
     * started, and how the benchmark starts its yardstick.
     */
    public static Process launchJar(Path jar, List<String> jvmOptions, Map<String, String> environment,
            Path directory, Path log) throws IOException {
        return launchJar(jar, jvmOptions, List.of(), environment, directory, log, false);
    }

    /** As {@link #launchJar(Path, List, Map, Path, Path)}, with {@code arguments} for the jar's main. */
    public static Process launchJarWithArguments(Path jar, List<String> jvmOptions, List<String> arguments,
            Map<String, String> environment, Path directory, Path log) throws IOException {
        return launchJar(jar, jvmOptions, arguments, environment, directory, log, false);
    }

    private static Process launchJar(Path jar, List<String> jvmOptions, List<String> arguments,
            Map<String, String> environment, Path directory, Path log, boolean append) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    Map<String, String> environment(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(config.ports().get(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafka().bootstrapServers());
        env.put("MANAGEMENT_PORT", String.valueOf(config.managementPorts().get(service)));
        env.put("INTERNAL_SECRET", config.internalSecret());
        // Links in messages and pages point at this stack's gateway, unless the caller set a public address.
        if (System.getenv("PUBLIC_BASE_URL") == null) {
            env.put("PUBLIC_BASE_URL", gatewayUrl().toString());
        }
        // Every service may call another's internal API (pause-service asks billing for quota), on any of
        // its instances.
        for (Service other : instances.keySet()) {
            if (other != Service.GATEWAY) {
                env.put(other.urlVariable(), String.join(",", instances(other).stream()
                        .map(instance -> instance.url().toString()).toList()));
            }
        }
        if (service == Service.GATEWAY) {
            env.put("REDIS_HOST", config.redis().host());
            env.put("REDIS_PORT", String.valueOf(config.redis().port()));
        } else if (service == Service.DASHBOARD) {
            // The dashboard calls the public API like any client, through the first gateway; a local run is
            // plain http, so its cookies cannot be Secure.
            env.put("DASHBOARD_API_URL", gatewayUrl().toString());
            env.put("DASHBOARD_SECURE_COOKIES", "false");
        } else if (service == Service.MCP_SERVER) {
            // Its tools call the public API through the first gateway, with each caller's own key.
            env.put("MCP_TRANSPORT", "http");
            env.put("PAUSEPOINT_URL", gatewayUrl().toString());
        } else {
            env.put("DATABASE_URL", config.postgres().jdbcUrl(service.database()));
            env.put("DATABASE_USER", config.postgres().username());
            env.put("DATABASE_PASSWORD", config.postgres().password());
        }
        env.putAll(config.environment());
        return env;
    }

    /** Where {@code service}'s (first instance's) actuator answers: its probes and {@code /actuator/prometheus}. */
    public URI managementUrl(Service service) {
        return URI.create("http://localhost:" + config.managementPorts().get(service));
    }

    /** The log of the service's first instance. */
    public Path logFile(Service service) {
        return logFile(instances(service).get(0));
    }

    /** {@code <module>.log} with one instance per service, {@code <module>-<n>.log} with several. */
    public Path logFile(Instance instance) {
        return config.logDirectory().resolve(instance.service().moduleName()
                + (config.instancesPerService() > 1 ? "-" + instance.number() : "") + ".log");
    }

    /** Every instance of {@code service}, the first first. */
    public List<Instance> instances(Service service) {
        return instances.get(service);
    }

    /** Every gateway instance's public address. */
    public List<URI> gatewayUrls() {
        return instances(Service.GATEWAY).stream().map(Instance::url).toList();
    }

    public URI gatewayUrl() {
        return URI.create("http://localhost:" + config.ports().get(Service.GATEWAY));
    }

    /**
     * Waits until the gateway's {@code /health} reports every service ok. Fails early, naming the log
     * to read, when a service process exits instead.
     */
    public void awaitHealthy(Duration timeout, Consumer<String> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = 0;
        String last = "gateway not answering yet";
        while (System.nanoTime() < deadline) {
            Map<Instance, Process> running = new LinkedHashMap<>();
            processes.forEach((service, process) -> running.put(instances(service).get(0), process));
            running.putAll(copies);
            for (Map.Entry<Instance, Process> entry : running.entrySet()) {
                if (!entry.getValue().isAlive()) {
                    throw new IllegalStateException(entry.getKey().service().moduleName() + " exited with code "
                            + entry.getValue().exitValue() + "; see " + logFile(entry.getKey()));
                }
            }
            try {
                last = unhealthy();
                if (last.isEmpty()) {
                    return;
                }
            } catch (IOException e) {
                last = "gateway not answering yet";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the stack", e);
            }
            if (System.nanoTime() > nextReport) {
                progress.accept(last);
                nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the stack was not healthy within " + timeout.toSeconds() + " s: " + last);
    }

    /**
     * Empty when every gateway's {@code /health} is 200 and, with several instances per service, reports
     * every instance ready (it is ok with one), and every dashboard and MCP server is ready (the API's
     * {@code /health} leaves them out); otherwise what is not healthy yet.
     */
    private String unhealthy() throws IOException, InterruptedException {
        for (URI gateway : gatewayUrls()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(gateway.resolve("/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() != 200 || NOT_ALL_READY.matcher(health.body()).find()) {
                return gateway + ": " + health.body();
            }
        }
        for (Service client : instances.keySet()) {
            if (client.partOfApi()) {
                continue;
            }
            for (Instance instance : instances(client)) {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(instance.url().resolve("/readyz"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() != 200) {
                    return client.moduleName() + " not ready: " + ready.statusCode();
                }
            }
        }
        return "";
    }

    /** Process ids, for checks that nothing is left behind. */
    public Map<Service, Long> pids() {
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        processes.forEach((service, process) -> pids.put(service, process.pid()));
        return pids;
    }

    /**
     * Stops the gateway first so no new work arrives, then the services, each with SIGTERM and time
     * for Spring's graceful shutdown before it is killed.
     */
    @Override
    public void close() {
        stop(additional);
        additional.clear();
        List<Process> gateways = new ArrayList<>();
        List<Process> rest = new ArrayList<>();
        processes.forEach((service, process) -> (service == Service.GATEWAY ? gateways : rest).add(process));
        copies.forEach((copy, process) -> (copy.service() == Service.GATEWAY ? gateways : rest).add(process));
        stop(gateways);
        stop(rest);
        processes.clear();
        copies.clear();
    }

    /**
     * Stops a copy {@link #startAnother} started, gracefully as {@link #close} would: a test that is done
     * with its extra instance must not leave it consuming the next test's records.
     */
    public void stopAnother(Process process) {
        stop(List.of(process));
        additional.remove(process);
    }

    private static void stop(List<Process> group) {
        group.forEach(Process::destroy);
        for (Process process : group) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
