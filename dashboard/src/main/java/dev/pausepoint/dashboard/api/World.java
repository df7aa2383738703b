package dev.pausepoint.dashboard.api;

import java.util.Optional;

/**
 * The two worlds of an account (live and test): the dashboard shows one at a time, named in the page's
 * path ({@code /dashboard/live/...}, {@code /dashboard/test/...}) and sent to the API in
 * {@code PausePoint-Mode}, so a bookmark or a second tab keeps its world.
 */
public enum World {
    LIVE, TEST;

    public String wire() {
        return name().toLowerCase();
    }

    public World other() {
        return this == LIVE ? TEST : LIVE;
    }

    public static Optional<World> fromPath(String segment) {
        return switch (segment) {
            case "live" -> Optional.of(LIVE);
            case "test" -> Optional.of(TEST);
            default -> Optional.empty();
        };
    }
}
