package dev.pausepoint.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * {@link PausePointClient#awaitDecisionAsync}: long-polls of at most {@value #MAX_WAIT_SECONDS} s in turn
 * until the pause leaves {@code pending} or the deadline passes. A long-poll refused by a limit
 * ({@code 429}, or {@code 503} with {@code Retry-After}) is tried again after {@code Retry-After}, for as
 * long as the deadline allows; these refusals do not count against the client's {@code maxRetries}.
 */
final class DecisionAwait {

    static final int MAX_WAIT_SECONDS = 30;

    private final IntFunction<CompletableFuture<Pause>> longPoll;
    private final Clock clock;
    private final Instant deadline;
    private final Linked<Pause> await = new Linked<>();

    /** @param longPoll one read with the given wait in seconds, whose limit refusals the transport does not retry */
    private DecisionAwait(IntFunction<CompletableFuture<Pause>> longPoll, Clock clock,
            Duration timeout) {
        this.longPoll = longPoll;
        this.clock = clock;
        this.deadline = clock.instant().plus(timeout);
    }

    static CompletableFuture<Pause> start(IntFunction<CompletableFuture<Pause>> longPoll, Clock clock,
            Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        DecisionAwait await = new DecisionAwait(longPoll, clock, timeout);
        await.poll();
        return await.await.result;
    }

    private void poll() {
        if (await.result.isDone()) {
            return;
        }
        int wait = nextWait();
        CompletableFuture<Pause> read;
        try {
            read = longPoll.apply(wait);
        } catch (RuntimeException refused) {
            await.result.completeExceptionally(refused);
            return;
        }
        if (!await.follow(read)) {
            return;
        }
        read.whenComplete((pause, failure) -> {
            if (failure == null) {
                // A pending answer that ends the time is the answer: reading once more would tell nothing new.
                if (!pause.isPending() || wait == 0 || nextWait() == 0) {
                    await.result.complete(pause);
                } else {
                    poll();
                }
                return;
            }
            RuntimeException error = Transport.asRuntime(failure);
            if (error instanceof PausePointException refused && isLimit(refused) && !remaining().isZero()) {
                Duration retryAfter = refused.retryAfter().orElseThrow();
                Duration delay = retryAfter.compareTo(remaining()) < 0 ? retryAfter : remaining();
                await.follow(CompletableFuture.runAsync(this::poll,
                        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)));
            } else {
                await.result.completeExceptionally(error);
            }
        });
    }

    private static boolean isLimit(PausePointException refused) {
        return (refused.status() == 429 || refused.status() == 503) && refused.retryAfter().isPresent();
    }

    /** Rounded, so the last wait ends within half a second of the deadline on either side. */
    private int nextWait() {
        return (int) Math.min(MAX_WAIT_SECONDS, Math.round(remaining().toMillis() / 1000.0));
    }

    private Duration remaining() {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
