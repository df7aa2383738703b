package dev.pausepoint.delivery.schedule;

import dev.pausepoint.kit.lifecycle.BackgroundLoop;
import dev.pausepoint.kit.lifecycle.Wakeup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loop over persisted, due work (notifications, webhook deliveries). Each round claims what is due
 * under a lease and starts it; a full round goes again at once, a short one sleeps until the next
 * interval or until {@link #wake()} says new work was committed. The schedule lives in the database,
 * so a restart picks up where the last instance left off.
 *
 * <p>It never claims more than it can have in flight: claimed work waiting in a local queue would
 * outlive its lease and be claimed again by another instance. When full, it claims again as soon as
 * something finishes.
 */
public abstract class DueWorkLoop<T> extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(DueWorkLoop.class);

    private final Wakeup wakeup = new Wakeup();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Duration interval;
    private final int batch;
    private final int maxInFlight;

    protected DueWorkLoop(String threadName, Duration interval, int batch, int maxInFlight) {
        super(threadName, Duration.ofSeconds(5));
        this.interval = interval;
        this.batch = batch;
        this.maxInFlight = maxInFlight;
    }

    /** Claims up to {@code limit} due items, leasing them so that no other instance takes them meanwhile. */
    protected abstract List<T> claim(int limit);

    /** Starts one item; {@code finished} must run exactly once when it is over, however it ends. */
    protected abstract void start(T item, Runnable finished);

    /** Claims and starts what is due now; returns how many it claimed. */
    public final int runDue() {
        int room = Math.min(batch, maxInFlight - inFlight.get());
        if (room <= 0) {
            return 0;
        }
        List<T> due = claim(room);
        for (T item : due) {
            inFlight.incrementAndGet();
            try {
                start(item, this::finished);
            } catch (RuntimeException e) {
                finished();
                throw e;
            }
        }
        return due.size();
    }

    public void wake() {
        wakeup.signal();
    }

    private void finished() {
        if (inFlight.getAndDecrement() >= maxInFlight) {
            wake();
        }
    }

    @Override
    protected void loop() {
        while (running()) {
            try {
                if (runDue() < batch) {
                    wakeup.await(interval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{} round failed, the next one retries: {}", getClass().getSimpleName(), e.toString());
                try {
                    wakeup.await(interval);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
