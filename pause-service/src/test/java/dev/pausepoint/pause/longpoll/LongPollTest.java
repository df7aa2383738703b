package dev.pausepoint.pause.longpoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.errors.ErrorCode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.async.DeferredResult;

class LongPollTest {

    private final PauseWaiters waiters = new PauseWaiters(1);
    private final LongPoll longPoll = new LongPoll(waiters, Runnable::run, Duration.ofSeconds(5));

    @Test
    void aWaiterWhoseSecondReadFailsIsNotLeftBehind() {
        AtomicInteger reads = new AtomicInteger();
        Supplier<String> read = () -> {
            if (reads.incrementAndGet() == 2) {
                throw new IllegalStateException("database went away");
            }
            return "pending";
        };
        assertThatThrownBy(() -> longPoll.await("psr_1", 10, read, "pending"::equals))
                .hasMessage("database went away");
        assertThat(waiters.count()).isZero();
    }

    @Test
    void aFullInstanceRefusesToParkWithRetryAfter() {
        DeferredResult<String> parked = longPoll.await("psr_1", 10, () -> "pending", "pending"::equals);
        assertThat(parked.hasResult()).isFalse();
        assertThat(waiters.count()).isEqualTo(1);
        assertThatThrownBy(() -> longPoll.await("psr_2", 10, () -> "pending", "pending"::equals))
                .isInstanceOfSatisfying(LongPollFullException.class, full -> {
                    assertThat(full.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                    assertThat(full.responseHeaders()).containsEntry("Retry-After", "5");
                    assertThat(full.getMessage()).contains("maximum of 1 waiting requests");
                });
    }

    @Test
    void aFullInstanceStillAnswersWhatNeedsNoWait() {
        longPoll.await("psr_1", 10, () -> "pending", "pending"::equals);
        assertThat(longPoll.await("psr_2", 10, () -> "responded", "pending"::equals).getResult()).isEqualTo("responded");
        assertThat(longPoll.await("psr_3", 0, () -> "pending", "pending"::equals).getResult()).isEqualTo("pending");
    }

    @Test
    void theDerivedCapIsTheHeapShareOverTheMeasuredBytesPerWaiter() {
        LongPollProperties derived = new LongPollProperties(null, 0.3,
                DataSize.ofKilobytes(112), Duration.ofSeconds(5), DataSize.ofKilobytes(2), DataSize.ofKilobytes(4), DataSize.ofKilobytes(4));
        assertThat(derived.capacity(192L * 1024 * 1024)).isEqualTo(526);
        LongPollProperties fixed = new LongPollProperties(40, 0.3,
                DataSize.ofKilobytes(112), Duration.ofSeconds(5), DataSize.ofKilobytes(2), DataSize.ofKilobytes(4), DataSize.ofKilobytes(4));
        assertThat(fixed.capacity(192L * 1024 * 1024)).isEqualTo(40);
    }
}
