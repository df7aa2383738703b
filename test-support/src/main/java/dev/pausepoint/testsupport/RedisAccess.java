package dev.pausepoint.testsupport;

/** How to reach a running Redis server; {@code password} is null when it requires none. */
public record RedisAccess(String host, int port, String password) {

    public RedisAccess(String host, int port) {
        this(host, port, null);
    }

    public String url() {
        return "redis://" + host + ":" + port;
    }
}
