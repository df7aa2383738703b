package dev.pausepoint.gateway.body;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.util.unit.DataSize;

/**
 * The bytes this instance holds for request bodies, against one ceiling. A body is at most 64 KB, but
 * nothing else bounds how many arrive at once: without a ceiling, clients from enough addresses could
 * fill the heap with bodies they never finish.
 */
final class BodyBudget {

    private final DataSize max;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(DataSize max) {
        this.max = max;
    }

    /** Takes {@code bytes} from the budget, or nothing and false when that would go past the ceiling. */
    boolean tryTake(long bytes) {
        while (true) {
            long now = held.get();
            if (now + bytes > max.toBytes()) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void giveBack(long bytes) {
        held.addAndGet(-bytes);
    }

    long held() {
        return held.get();
    }

    DataSize max() {
        return max;
    }
}
