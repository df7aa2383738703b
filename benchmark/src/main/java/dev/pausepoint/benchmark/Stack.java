package dev.pausepoint.benchmark;

import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.ServiceFleet;
import dev.pausepoint.localstack.Workspace;
import dev.pausepoint.testsupport.KafkaAccess;
import dev.pausepoint.testsupport.PostgresAccess;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system under test, started as the local run starts it: real Postgres, Kafka and Redis, the five
 * service jars as processes on free ports, and {@link Outside} in the providers' and the receiver's place.
 */
public final class Stack implements AutoCloseable {

    static final String SECRET = "benchmark-internal-secret-0123456789abcdef";

    /**
     * The services' JVMs as production runs them, with full tiered compilation ({@link ServiceFleet#TIERED_JVM_OPTIONS}),
     * warmed until C2 has compiled their hot paths ({@link WarmUp}); {@code PAUSEPOINT_SERVICE_JVM_OPTS} replaces
     * them, as for the local stack. The local stack's C1-only default starts faster and costs more CPU per
     * request, which a steady-state figure should not count (docs/benchmark.md, "What a run sets up").
     */
    static final List<String> SERVICE_JVM_OPTIONS = ServiceFleet.configuredJvmOptions(ServiceFleet.TIERED_JVM_OPTIONS);

    private final PostgresAccess postgres;
    private final Outside outside;
    private final Map<Service, Integer> ports;
    private final ServiceFleet fleet;
    private final Duration startup;
    private final KafkaAccess kafka;
    private final KafkaBroker broker;

    private Stack(PostgresAccess postgres, Outside outside, Map<Service, Integer> ports, ServiceFleet fleet,
            Duration startup, KafkaAccess kafka, KafkaBroker broker) {
        this.postgres = postgres;
        this.outside = outside;
        this.ports = ports;
        this.fleet = fleet;
        this.startup = startup;
        this.kafka = kafka;
        this.broker = broker;
    }

    /** The stack on the tests' Postgres, or on one that keeps what it commits when {@code durablePostgres}. */
    static Stack start(boolean durablePostgres) {
        return start(Map.of(), durablePostgres);
    }

    /**
     * The same with {@code settings} added to every service's environment, for a run that needs other limits
     * (the cost curves raise the long-poll caps, for one).
     */
    public static Stack start(Map<String, String> settings, boolean durablePostgres) {
        PostgresAccess postgres = durablePostgres ? DurablePostgres.access() : TestInfrastructure.postgres();
        Outside outside = Outside.start();
        try {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);
            for (Service service : Service.api()) {
                ports.put(service, FreePorts.next());
                managementPorts.put(service, FreePorts.next());
            }
            // The clock starts before Kafka and Redis are asked for, as it always has: the start-up figure
            // includes starting the embedded broker and Redis in this JVM, so earlier figures stay comparable.
            long start = System.nanoTime();
            // A broker of our own in its own process, so its CPU is counted apart from the load generator's,
            // unless one outside is named.
            KafkaBroker broker = System.getenv("PAUSEPOINT_TEST_KAFKA_BOOTSTRAP") == null
                    ? KafkaBroker.start(logDirectory()) : null;
            KafkaAccess kafka = broker != null ? broker.access() : TestInfrastructure.kafka();
            ServiceFleet fleet = null;
            try {
                fleet = ServiceFleet.start(new ServiceFleet.Config(Workspace.locate(), logDirectory(), postgres, kafka,
                        TestInfrastructure.redis(), ports, managementPorts, SECRET, SERVICE_JVM_OPTIONS,
                        environment(outside.port(), settings)));
                fleet.awaitHealthy(Duration.ofSeconds(300), status -> System.out.println("waiting for the stack: "
                        + status));
            } catch (RuntimeException e) {
                if (fleet != null) {
                    fleet.close();
                }
                if (broker != null) {
                    broker.close();
                }
                throw e;
            }
            return new Stack(postgres, outside, ports, fleet, Duration.ofNanos(System.nanoTime() - start), kafka,
                    broker);
        } catch (RuntimeException e) {
            outside.stop();
            throw e;
        }
    }

    private static Map<String, String> environment(int outsidePort, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(Map.ofEntries(
                Map.entry("TRUSTED_PROXIES", "127.0.0.1/32,::1/128"),
                Map.entry("DELIVERY_INSECURE_HOSTS", Outside.RECEIVER_HOST),
                Map.entry("TWILIO_ACCOUNT_SID", Outside.TWILIO_SID),
                Map.entry("TWILIO_AUTH_TOKEN", "benchmark-twilio-token"),
                Map.entry("TWILIO_FROM_NUMBER", "+15005550006"),
                Map.entry("TWILIO_BASE_URL", "http://localhost:" + outsidePort),
                // The limiter runs on every request as in production; its limits are set out of reach so
                // the benchmark measures the system, not the 429s.
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_APIKEY", "100000000"),
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_CLIENTIP", "100000000"),
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_UNAUTHENTICATED", "100000000"),
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_AUTHENDPOINTS", "100000000")));
        environment.putAll(settings);
        return environment;
    }

    /** Where every process the benchmark starts writes its log. */
    static Path logDirectory() {
        return Workspace.locate().root().resolve("benchmark/target/stack-logs");
    }

    /** From the clock's start to the gateway's {@code /health} reporting every service ok. */
    Duration startup() {
        return startup;
    }

    public URI gateway() {
        return fleet.gatewayUrl();
    }

    /** A service's own port, to reach it without the gateway. */
    public int port(Service service) {
        return ports.get(service);
    }

    public ServiceFleet fleet() {
        return fleet;
    }

    public Outside outside() {
        return outside;
    }

    /** A connection to {@code service}'s own database, for set-up the API does not offer. */
    public Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(service.database()), postgres.username(),
                postgres.password());
    }

    KafkaAccess kafka() {
        return kafka;
    }

    /** The broker's process when the benchmark started its own. */
    Optional<Long> kafkaPid() {
        return Optional.ofNullable(broker).map(KafkaBroker::pid);
    }

    PostgresAccess postgres() {
        return postgres;
    }

    @Override
    public void close() {
        fleet.close();
        outside.stop();
        if (broker != null) {
            broker.close();
        }
    }
}
