package dev.pausepoint.pause.longpoll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PauseWaitersTest {

    @Test
    void racingParkersGetExactlyTheCapacity() throws Exception {
        PauseWaiters waiters = new PauseWaiters(10);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> parked = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String pauseId = "psr_" + (i % 3);
            Consumer<String> onChange = new Consumer<>() {
                @Override
                public void accept(String id) {
                }
            };
            parked.add(pool.submit(() -> {
                start.await();
                return waiters.tryAdd(pauseId, onChange);
            }));
        }
        start.countDown();
        int admitted = 0;
        for (Future<Boolean> one : parked) {
            admitted += one.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(admitted).isEqualTo(10);
        assertThat(waiters.count()).isEqualTo(10);
        assertThat(waiters.tryAdd("psr_other", id -> { })).as("full").isFalse();
    }

    @Test
    void theCountFollowsEveryWaiterThroughWakesAndRemovalsUnderContention() throws Exception {
        int capacity = 50;
        int pauses = 8;
        PauseWaiters waiters = new PauseWaiters(capacity);
        AtomicIntegerArray calls = new AtomicIntegerArray(8 * 5_000);
        AtomicInteger overCapacity = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < 8; worker++) {
            int first = worker * 5_000;
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int n = first; n < first + 5_000; n++) {
                    int callback = n;
                    String pauseId = "psr_" + random.nextInt(pauses);
                    Consumer<String> onChange = id -> calls.incrementAndGet(callback);
                    if (waiters.tryAdd(pauseId, onChange) && random.nextBoolean()) {
                        waiters.remove(pauseId, onChange);
                    } else {
                        waiters.wake("psr_" + random.nextInt(pauses));
                    }
                    if (waiters.count() > capacity) {
                        overCapacity.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        for (int p = 0; p < pauses; p++) {
            waiters.wake("psr_" + p);
        }
        assertThat(overCapacity).hasValue(0);
        assertThat(waiters.count()).as("every waiter was woken or removed, and counted out once").isZero();
        for (int i = 0; i < calls.length(); i++) {
            assertThat(calls.get(i)).as("callback %d runs at most once", i).isLessThanOrEqualTo(1);
        }
        assertThat(waiters.tryAdd("psr_0", id -> { })).as("the capacity is whole again").isTrue();
    }
}
