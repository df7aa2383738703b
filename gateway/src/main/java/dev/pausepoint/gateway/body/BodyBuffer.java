package dev.pausepoint.gateway.body;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * One request's body as it arrives, copied into one array and each received buffer released at once.
 * Netty hands over a buffer per network read, each a slice of a larger pooled one; keeping them would
 * let a body sent a byte per packet pin far more memory than its size. The array grows by doubling, up
 * to the declared Content-Length, so it holds at most twice what has arrived, and every byte of its
 * capacity is taken from the {@link BodyBudget} until {@link #close()}.
 *
 * <p>Appends come from the body's subscriber, one at a time; {@link #close()} may come from another
 * thread when the exchange is cancelled, hence the locking.
 */
final class BodyBuffer implements AutoCloseable {

    private static final byte[] EMPTY = new byte[0];

    private final BodyBudget budget;
    private final String address;
    private final long declaredLength;
    private byte[] bytes = EMPTY;
    private int size;
    private boolean closed;

    /** {@code address} is the client's, as the budget counts it; {@code declaredLength} the Content-Length, or -1 for a chunked body. */
    BodyBuffer(BodyBudget budget, String address, long declaredLength) {
        this.budget = budget;
        this.address = address;
        this.declaredLength = declaredLength;
    }

    /** Copies {@code chunk} in and releases it; refuses it when the budget has no room for it. */
    synchronized void append(DataBuffer chunk) {
        try {
            int length = chunk.readableByteCount();
            if (closed || length == 0) {
                return;
            }
            grow(size + length);
            chunk.read(bytes, size, length);
            size += length;
        } finally {
            DataBufferUtils.release(chunk);
        }
    }

    private void grow(int needed) {
        if (needed <= bytes.length) {
            return;
        }
        long doubled = Math.max(needed, 2L * bytes.length);
        int capacity = (int) Math.max(needed, declaredLength >= 0 ? Math.min(doubled, declaredLength) : doubled);
        budget.take(address, capacity - bytes.length);
        bytes = Arrays.copyOf(bytes, capacity);
    }

    /** The body received so far, as a read-only view (no copy). */
    synchronized ByteBuffer contents() {
        return ByteBuffer.wrap(bytes, 0, size).asReadOnlyBuffer();
    }

    synchronized int size() {
        return size;
    }

    /** Bytes of the budget this body holds now. */
    synchronized int capacity() {
        return bytes.length;
    }

    /** Gives the capacity back to the budget; later appends are dropped. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            budget.giveBack(address, bytes.length);
        }
    }
}
