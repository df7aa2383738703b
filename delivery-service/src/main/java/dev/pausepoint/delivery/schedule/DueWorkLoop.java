package dev.pausepoint.delivery.schedule;

import dev.pausepoint.kit.lifecycle.BackgroundLoop;
import dev.pausepoint.kit.lifecycle.Wakeup;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>A lease names its holder ({@link LeaseHolder}), and every {@value #RELEASE_EVERY_SECONDS} s, and at once
 * on start, the loop gives back its own leases on items it has nothing in flight for: a claim whose
 * commit reached the database but whose answer did not, an attempt whose outcome could not be recorded
 * (the database was restarting), or the leases of this instance's previous life when it restarts with the
 * same {@code INSTANCE_ID} after a crash. Without it such an item would wait for its lease to run out.
 */
public abstract class DueWorkLoop<T> extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(DueWorkLoop.class);
    static final int RELEASE_EVERY_SECONDS = 5;
    private static final long RELEASE_EVERY = Duration.ofSeconds(RELEASE_EVERY_SECONDS).toNanos();

    private final Wakeup wakeup = new Wakeup();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The keys of the items started and not yet finished: what this instance's leases legitimately cover. */
    private final Set<String> started = ConcurrentHashMap.newKeySet();
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

    /**
     * Starts one item; {@code finished} must run exactly once when it is over, however it ends, and only
     * after its outcome was recorded (or recording it failed): an item no longer in flight whose lease is
     * still ours is taken for stranded.
     */
    protected abstract void start(T item, Runnable finished);

    /** The item's key, as {@link #releaseStranded} receives it. */
    protected abstract String key(T item);

    /**
     * Makes this holder's leased, still pending items due again, except those whose key is in
     * {@code inFlight}; returns how many.
     */
    protected abstract int releaseStranded(Set<String> inFlight);

    /** Claims and starts what is due now; returns how many it claimed. */
    public final int runDue() {
        int room = Math.min(batch, maxInFlight - inFlight.get());
        if (room <= 0) {
            return 0;
        }
        List<T> due = claim(room);
        for (T item : due) {
            String key = key(item);
            started.add(key);
            inFlight.incrementAndGet();
            try {
                start(item, () -> finished(key));
            } catch (RuntimeException e) {
                // The others still start; this one's lease is given back by the next release.
                finished(key);
                log.warn("{} could not start {}: {}", getClass().getSimpleName(), key, e.toString());
            }
        }
        return due.size();
    }

    /**
     * Gives back this instance's stranded leases (see the class comment); returns how many. Runs on the
     * loop's thread, between claims, so nothing claimed is missing from the in-flight set meanwhile.
     */
    public final int releaseStrandedLeases() {
        int released = releaseStranded(Set.copyOf(started));
        if (released > 0) {
            log.warn("{} gave back {} leases of its own with nothing in flight for them (a claim or an outcome "
                    + "the database did not confirm, or a restart)", getClass().getSimpleName(), released);
        }
        return released;
    }

    public void wake() {
        wakeup.signal();
    }

    private void finished(String key) {
        started.remove(key);
        if (inFlight.getAndDecrement() >= maxInFlight) {
            wake();
        }
    }

    @Override
    protected void loop() {
        long lastRelease = System.nanoTime() - RELEASE_EVERY;
        while (running()) {
            try {
                if (System.nanoTime() - lastRelease >= RELEASE_EVERY) {
                    lastRelease = System.nanoTime();
                    releaseStrandedLeases();
                }
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
