package dev.pausepoint.client;

import java.util.List;

/**
 * A plan of the instance. {@code pausesPerMonth} is null when unlimited; {@code sold} is true when a
 * checkout for it would go to Paddle.
 */
public record Plan(String plan, Long pausesPerMonth, List<Channel> channels, int maxTimeoutHours, boolean sold) {
}
