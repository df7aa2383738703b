package dev.pausepoint.testsupport.embedded;

import dev.pausepoint.testsupport.Folders;
import dev.pausepoint.testsupport.PostgresAccess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL 17 server process from the zonky binaries. With a data directory the data
 * survives restarts (the local stack); without one it lives in a temporary folder (tests), deleted on
 * {@link #close()}. Either way it can be stopped and started again on the same port with the same
 * data, which is how the fault suite restarts Postgres under load.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres.Builder builder;
    private final int port;
    private final Path throwawayData;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres.Builder builder, int port, Path throwawayData) {
        this.builder = builder;
        this.port = port;
        this.throwawayData = throwawayData;
    }

    /**
     * @param port a fixed port, or 0 for any free one
     * @param dataDirectory where the cluster lives and is kept, or null for a throwaway one
     */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory) {
        int chosen = port == 0 ? FreePorts.next() : port;
        try {
            // Our own folder rather than zonky's throwaway one, which it deletes on every stop.
            Path throwaway = dataDirectory == null ? Files.createTempDirectory("pausepoint-postgres") : null;
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(chosen)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // Several Spring contexts per test JVM and five services locally, each with a small pool.
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on")
                    .setDataDirectory(dataDirectory != null ? dataDirectory : throwaway)
                    .setCleanDataDirectory(false);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder, chosen, throwaway);
            server.restart();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Postgres did not start", e);
        }
    }

    public PostgresAccess access() {
        return new PostgresAccess("localhost", port, "postgres", "postgres");
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /** Stops the server (a fast shutdown: open sessions are ended); its data stays for {@link #restart()}. */
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }

    /** Starts the server again on the same port with the same data. */
    public synchronized void restart() {
        if (postgres == null) {
            try {
                postgres = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded Postgres did not start", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (throwawayData != null) {
            Folders.deleteRecursively(throwawayData);
        }
    }
}
