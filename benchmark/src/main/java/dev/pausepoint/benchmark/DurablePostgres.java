package dev.pausepoint.benchmark;

import dev.pausepoint.localstack.Workspace;
import dev.pausepoint.testsupport.Folders;
import dev.pausepoint.testsupport.PostgresAccess;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.embedded.EmbeddedPostgresServer;
import java.nio.file.Path;

/**
 * The benchmark's Postgres with {@code --durable-postgres}: one that keeps what it commits, as in production
 * and in {@code ./run-local} ({@code fsync} and {@code synchronous_commit} on, Postgres's defaults), in a
 * fresh data directory per run under {@code benchmark/target/}. Without the option the benchmark takes the
 * tests' throwaway server, which turns both off: no commit waits for a disk flush. A server named by
 * {@code PAUSEPOINT_TEST_POSTGRES_URL} is used as it is either way.
 */
final class DurablePostgres {

    private static PostgresAccess access;

    private DurablePostgres() {
    }

    static synchronized PostgresAccess access() {
        if (access == null) {
            access = System.getenv("PAUSEPOINT_TEST_POSTGRES_URL") != null ? TestInfrastructure.postgres() : start();
        }
        return access;
    }

    private static PostgresAccess start() {
        Path data = Workspace.locate().root().resolve("benchmark/target/postgres-data");
        Folders.deleteRecursively(data);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(0, data);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-benchmark-postgres"));
        return server.access();
    }
}
