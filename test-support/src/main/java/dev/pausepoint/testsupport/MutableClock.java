package dev.pausepoint.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real time until a test freezes it; then it moves only when told, so windows can be slid exactly. */
public final class MutableClock extends Clock {

    private volatile Instant frozen;

    public void freeze() {
        frozen = Instant.now();
    }

    public void advance(Duration duration) {
        if (frozen == null) {
            throw new IllegalStateException("freeze the clock before moving it");
        }
        frozen = frozen.plus(duration);
    }

    public void thaw() {
        frozen = null;
    }

    @Override
    public Instant instant() {
        Instant now = frozen;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
