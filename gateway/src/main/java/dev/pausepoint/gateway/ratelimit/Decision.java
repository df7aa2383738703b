package dev.pausepoint.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

/**
 * The outcome for one request over all its layers. Allowed: the headers describe the tightest layer
 * (fewest requests left). Refused: they describe the layer that refused, and {@code retryAfter} is
 * when its oldest blocking entry leaves the window.
 */
public record Decision(boolean allowed, Layer layer, long remaining, long resetSeconds, long retryAfterSeconds) {

    static Decision of(List<Layer> layers, List<WindowState> states, int rejected, long now, Duration window) {
        long windowMs = window.toMillis();
        if (rejected >= 0) {
            WindowState state = states.get(rejected);
            long retryAfter = seconds(state.needed() + windowMs - now);
            return new Decision(false, layers.get(rejected), 0, retryAfter, retryAfter);
        }
        int tightest = 0;
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < layers.size(); i++) {
            long remaining = layers.get(i).limit() - (states.get(i).count() + 1);
            if (remaining < fewest) {
                fewest = remaining;
                tightest = i;
            }
        }
        WindowState state = states.get(tightest);
        long reset = state.oldest() < 0 ? seconds(windowMs) : seconds(state.oldest() + windowMs - now);
        return new Decision(true, layers.get(tightest), fewest, reset, 0);
    }

    /** Whole seconds, rounded up, at least 1: a client told 0 would retry at once and fail again. */
    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
