package dev.pausepoint.testsupport.embedded;

import dev.pausepoint.testsupport.PostgresAccess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL 17 server process from the zonky binaries. With a data directory the data
 * survives restarts (the local stack); without one it lives in a temporary folder (tests).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param port a fixed port, or 0 for any free one
     * @param dataDirectory where the cluster lives and is kept, or null for a throwaway one
     */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port == 0 ? FreePorts.next() : port)
                .setPGStartupWait(Duration.ofSeconds(30))
                // Several Spring contexts per test JVM and five services locally, each with a small pool.
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on");
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        try {
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Postgres did not start", e);
        }
    }

    public PostgresAccess access() {
        return new PostgresAccess("localhost", postgres.getPort(), "postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
