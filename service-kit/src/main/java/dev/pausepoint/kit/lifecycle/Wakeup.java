package dev.pausepoint.kit.lifecycle;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a polling loop sleep until its next round or until someone has work for it, whichever comes
 * first. Signals do not pile up: many signals before the loop looks wake it once.
 */
public final class Wakeup {

    private final Semaphore permits = new Semaphore(0);

    /** Cheap and safe from any thread, e.g. after a commit that created work. */
    public void signal() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /**
     * Waits up to {@code timeout} or until signalled, then forgets any further pending signal; true when
     * it was signalled.
     */
    public boolean await(Duration timeout) throws InterruptedException {
        boolean signalled = permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        permits.drainPermits();
        return signalled;
    }
}
