package dev.pausepoint.gateway.body;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.util.unit.DataSize;

/**
 * The bytes this instance holds for request bodies, against one ceiling for the instance and a share of
 * it per client address. A body is at most 64 KB, but nothing else bounds how many arrive at once:
 * without the ceiling, clients from enough addresses could fill the heap with bodies they never finish,
 * and without the share, one address could take the whole ceiling and leave every other tenant's bodies
 * refused. Addresses are the rate limiter's (an IPv6 client counts by its network).
 */
final class BodyBudget {

    private final DataSize max;
    private final DataSize maxPerAddress;
    private final AtomicLong held = new AtomicLong();
    /** Bytes held per address; an address is listed only while it holds some. */
    private final Map<String, Long> byAddress = new ConcurrentHashMap<>();

    BodyBudget(DataSize max, DataSize maxPerAddress) {
        this.max = max;
        this.maxPerAddress = maxPerAddress;
    }

    /**
     * Takes {@code bytes} for {@code address}, or nothing: {@link AddressBodiesFullException} (429) past the
     * address's share, {@link BodyBuffersFullException} (503) past the instance's ceiling.
     */
    void take(String address, long bytes) {
        boolean[] withinShare = {false};
        byAddress.compute(address, (key, before) -> {
            long now = before == null ? 0 : before;
            if (now + bytes > maxPerAddress.toBytes()) {
                return before;
            }
            withinShare[0] = true;
            return now + bytes;
        });
        if (!withinShare[0]) {
            throw new AddressBodiesFullException(maxPerAddress);
        }
        while (true) {
            long now = held.get();
            if (now + bytes > max.toBytes()) {
                giveBackShare(address, bytes);
                throw new BodyBuffersFullException(max);
            }
            if (held.compareAndSet(now, now + bytes)) {
                return;
            }
        }
    }

    void giveBack(String address, long bytes) {
        held.addAndGet(-bytes);
        giveBackShare(address, bytes);
    }

    private void giveBackShare(String address, long bytes) {
        byAddress.computeIfPresent(address, (key, before) -> before - bytes > 0 ? before - bytes : null);
    }

    long held() {
        return held.get();
    }

    long heldBy(String address) {
        return byAddress.getOrDefault(address, 0L);
    }
}
