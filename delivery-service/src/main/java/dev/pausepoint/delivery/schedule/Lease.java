package dev.pausepoint.delivery.schedule;

import java.time.Duration;

/** A claim's lease on due work: who holds it ({@link LeaseHolder#id()}) and for how long. */
public record Lease(String holder, Duration length) {
}
