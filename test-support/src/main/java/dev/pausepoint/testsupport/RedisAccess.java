package dev.pausepoint.testsupport;

/** How to reach a running Redis server. */
public record RedisAccess(String host, int port) {

    public String url() {
        return "redis://" + host + ":" + port;
    }
}
