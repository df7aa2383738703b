package dev.pausepoint.kit.plan;

import java.util.List;

/**
 * One plan of the plans table (docs/plans.md), as configuration. A null limit means unlimited.
 *
 * @param pausesPerMonth live pauses a developer may create per calendar month (UTC)
 * @param channels the notification channels the plan allows
 * @param maxTimeoutHours the cap applied to {@code timeout_hours}
 * @param upgrade the plan to suggest when this one is outgrown, or null
 */
public record Plan(String name, Integer pausesPerMonth, List<String> channels, Integer maxTimeoutHours,
        String upgrade) {

    public boolean unlimited() {
        return pausesPerMonth == null;
    }
}
