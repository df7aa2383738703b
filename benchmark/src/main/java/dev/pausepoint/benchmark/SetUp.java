package dev.pausepoint.benchmark;

/** A precondition of a measurement: when it fails, the figure would measure something else. */
public final class SetUp {

    private SetUp() {
    }

    public static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up failed: " + what);
        }
    }
}
