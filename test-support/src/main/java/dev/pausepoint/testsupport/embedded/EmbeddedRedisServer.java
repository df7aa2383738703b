package dev.pausepoint.testsupport.embedded;

import dev.pausepoint.testsupport.RedisAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real Redis server process. Without a data directory nothing is persisted (tests); with one, an
 * append-only file there keeps rate-limit windows across restarts of the local stack.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer server;
    private final int port;
    private final String password;

    private EmbeddedRedisServer(RedisServer server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    public static EmbeddedRedisServer start(int port, Path dataDirectory) {
        return start(port, dataDirectory, null);
    }

    /** The same, requiring {@code password} ({@code requirepass}) of every client when it is not null. */
    public static EmbeddedRedisServer start(int port, Path dataDirectory, String password) {
        int chosen = port == 0 ? FreePorts.next() : port;
        try {
            RedisServerBuilder builder = new RedisServerBuilder().port(chosen).bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("maxmemory 256mb");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setting("dir " + dataDirectory.toAbsolutePath()).setting("appendonly yes");
            } else {
                builder.setting("appendonly no");
            }
            if (password != null) {
                builder.setting("requirepass " + password);
            }
            RedisServer server = builder.build();
            server.start();
            return new EmbeddedRedisServer(server, chosen, password);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start", e);
        }
    }

    public RedisAccess access() {
        return new RedisAccess("localhost", port, password);
    }

    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
