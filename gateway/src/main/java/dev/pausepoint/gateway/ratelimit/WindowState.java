package dev.pausepoint.gateway.ratelimit;

/**
 * What a layer looked like when a request arrived: how many requests it held, the oldest one, and the
 * one that must age out before another fits (times in ms, -1 when there is none).
 */
record WindowState(long count, long oldest, long needed) {
}
