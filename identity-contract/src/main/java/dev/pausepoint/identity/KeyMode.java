package dev.pausepoint.identity;

/**
 * Which world a request acts in: live keys see live data, test keys test data (docs/api-reference.md,
 * "Test mode").
 */
public enum KeyMode {
    LIVE, TEST;

    public String wire() {
        return name().toLowerCase();
    }

    public static KeyMode fromWire(String value) {
        return switch (value) {
            case "live" -> LIVE;
            case "test" -> TEST;
            default -> throw new IllegalArgumentException("not a key mode: " + value);
        };
    }
}
