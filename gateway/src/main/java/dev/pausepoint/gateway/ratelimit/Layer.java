package dev.pausepoint.gateway.ratelimit;

/**
 * One sliding window a request counts against: its storage key, its limit per window, and how a 429
 * names it to the client ("this API key", "this IP address").
 */
public record Layer(String key, int limit, String description) {
}
