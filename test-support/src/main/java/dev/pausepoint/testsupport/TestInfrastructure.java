package dev.pausepoint.testsupport;

import dev.pausepoint.testsupport.embedded.EmbeddedKafkaServer;
import dev.pausepoint.testsupport.embedded.EmbeddedPostgresServer;
import dev.pausepoint.testsupport.embedded.EmbeddedRedisServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Postgres, Kafka and Redis of this test JVM, each started at most once, on first use, and
 * stopped when the JVM exits. For each server, in order:
 * <ol>
 *   <li>an external one when its environment variable names it ({@code PAUSEPOINT_TEST_POSTGRES_URL}
 *       with {@code _USER}/{@code _PASSWORD}, {@code PAUSEPOINT_TEST_KAFKA_BOOTSTRAP},
 *       {@code PAUSEPOINT_TEST_REDIS_URL});</li>
 *   <li>a Testcontainers container when a Docker engine is reachable (or
 *       {@code PAUSEPOINT_TEST_INFRA=docker});</li>
 *   <li>otherwise an embedded real server ({@code PAUSEPOINT_TEST_INFRA=embedded} forces this).</li>
 * </ol>
 * Never an in-memory stand-in.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static PostgresAccess postgres;
    private static KafkaAccess kafka;
    private static RedisAccess redis;
    private static EmbeddedPostgresServer embeddedPostgres;
    private static EmbeddedKafkaServer embeddedKafka;
    private static EmbeddedRedisServer embeddedRedis;

    private TestInfrastructure() {
    }

    public static synchronized PostgresAccess postgres() {
        if (postgres == null) {
            String url = System.getenv("PAUSEPOINT_TEST_POSTGRES_URL");
            postgres = select("Postgres", url == null ? null : () -> {
                URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
                return new PostgresAccess(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                        env("PAUSEPOINT_TEST_POSTGRES_USER", "postgres"), env("PAUSEPOINT_TEST_POSTGRES_PASSWORD", ""));
            }, DockerInfrastructure::postgres, () -> {
                embeddedPostgres = EmbeddedPostgresServer.start(0, null);
                onExit(embeddedPostgres);
                return embeddedPostgres.access();
            });
        }
        return postgres;
    }

    public static synchronized KafkaAccess kafka() {
        if (kafka == null) {
            String bootstrap = System.getenv("PAUSEPOINT_TEST_KAFKA_BOOTSTRAP");
            kafka = select("Kafka", bootstrap == null ? null : () -> new KafkaAccess(bootstrap),
                    DockerInfrastructure::kafka, () -> {
                        embeddedKafka = EmbeddedKafkaServer.start(0, null);
                        onExit(embeddedKafka);
                        return embeddedKafka.access();
                    });
        }
        return kafka;
    }

    public static synchronized RedisAccess redis() {
        if (redis == null) {
            String url = System.getenv("PAUSEPOINT_TEST_REDIS_URL");
            redis = select("Redis", url == null ? null : () -> {
                URI uri = URI.create(url);
                return new RedisAccess(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
            }, DockerInfrastructure::redis, () -> {
                embeddedRedis = EmbeddedRedisServer.start(0, null);
                onExit(embeddedRedis);
                return embeddedRedis.access();
            });
        }
        return redis;
    }

    /** External when configured, else a container when Docker answers, else embedded; logged once. */
    private static <T> T select(String server, Supplier<T> external, Supplier<T> docker, Supplier<T> embedded) {
        String how = external != null ? "external" : useDocker() ? "Testcontainers" : "embedded";
        Supplier<T> chosen = external != null ? external : useDocker() ? docker : embedded;
        T access = chosen.get();
        log.info("{}: {} {}", server, how, access);
        return access;
    }

    /** The Postgres server when this JVM started it, for tests that restart it. */
    public static synchronized Optional<EmbeddedPostgresServer> embeddedPostgres() {
        postgres();
        return Optional.ofNullable(embeddedPostgres);
    }

    /** The broker itself when it runs in this JVM, for tests that take it down and bring it back. */
    public static synchronized Optional<EmbeddedKafkaServer> embeddedKafka() {
        kafka();
        return Optional.ofNullable(embeddedKafka);
    }

    /** The Redis server when this JVM started it, for tests of the gateway's fallback. */
    public static synchronized Optional<EmbeddedRedisServer> embeddedRedis() {
        redis();
        return Optional.ofNullable(embeddedRedis);
    }

    /**
     * The broker, for a test that stops and restarts it. Only a broker this JVM runs can be stopped:
     * with an external or Docker broker the test is skipped, except where the embedded servers are
     * forced ({@code PAUSEPOINT_TEST_INFRA=embedded}, as CI does), where its absence is a failure.
     */
    public static EmbeddedKafkaServer stoppableKafka() {
        return stoppable(embeddedKafka(), "a Kafka broker this JVM can stop");
    }

    /** The Postgres server, for a test that restarts it; skipped or failed as {@link #stoppableKafka}. */
    public static EmbeddedPostgresServer stoppablePostgres() {
        return stoppable(embeddedPostgres(), "a Postgres server this JVM can restart");
    }

    /** The Redis server, for a test that stops and restarts it; skipped or failed as {@link #stoppableKafka}. */
    public static EmbeddedRedisServer stoppableRedis() {
        return stoppable(embeddedRedis(), "a Redis server this JVM can stop");
    }

    private static <T> T stoppable(Optional<T> server, String what) {
        if (server.isEmpty() && "embedded".equals(System.getenv("PAUSEPOINT_TEST_INFRA"))) {
            throw new AssertionError("PAUSEPOINT_TEST_INFRA=embedded, yet there is no " + what
                    + " (PAUSEPOINT_TEST_* names an external server)");
        }
        Assumptions.assumeTrue(server.isPresent(), "needs " + what);
        return server.get();
    }

    private static boolean useDocker() {
        String mode = System.getenv("PAUSEPOINT_TEST_INFRA");
        if ("embedded".equals(mode)) {
            return false;
        }
        if ("docker".equals(mode)) {
            return true;
        }
        // Probing Docker is slow when nothing is there; only ask when there is a sign of an engine.
        boolean hint = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        return hint && DockerInfrastructure.available();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value != null ? value : fallback;
    }

    private static void onExit(AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                log.warn("stopping {} failed", server.getClass().getSimpleName(), e);
            }
        }, "stop-" + server.getClass().getSimpleName()));
    }
}
