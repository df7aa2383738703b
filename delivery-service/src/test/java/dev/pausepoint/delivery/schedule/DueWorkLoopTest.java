package dev.pausepoint.delivery.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the loop tells {@link DueWorkLoop#releaseStranded} is in flight: exactly the items started and
 * not finished, so a claimed item that never started, or finished without an outcome, has its lease
 * given back. The SQL side is in the claim-order tests.
 */
class DueWorkLoopTest {

    /** Items are strings; "broken" ones fail to start; started ones finish when the test says so. */
    private static final class Loop extends DueWorkLoop<String> {
        final List<String> due = new ArrayList<>();
        final Map<String, Runnable> running = new ConcurrentHashMap<>();
        final BlockingQueue<Set<String>> releases = new LinkedBlockingQueue<>();

        Loop() {
            super("test-loop", Duration.ofHours(1), 10, 10);
        }

        @Override
        protected List<String> claim(int limit) {
            List<String> claimed = List.copyOf(due);
            due.clear();
            return claimed;
        }

        @Override
        protected void start(String item, Runnable finished) {
            if (item.startsWith("broken")) {
                throw new IllegalStateException("cannot start " + item);
            }
            running.put(item, finished);
        }

        @Override
        protected String key(String item) {
            return item;
        }

        @Override
        protected int releaseStranded(Set<String> inFlight) {
            releases.add(inFlight);
            return 0;
        }
    }

    @Test
    void anItemThatCannotStartLeavesTheOthersStartedAndIsNotCountedInFlight() {
        Loop loop = new Loop();
        loop.due.addAll(List.of("a", "broken-b", "c"));

        assertThat(loop.runDue()).isEqualTo(3);

        assertThat(loop.running).containsOnlyKeys("a", "c");
        loop.releaseStrandedLeases();
        assertThat(loop.releases.poll()).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void aFinishedItemIsNoLongerInFlight() {
        Loop loop = new Loop();
        loop.due.addAll(List.of("a", "b"));
        loop.runDue();

        loop.running.get("a").run();
        loop.releaseStrandedLeases();

        assertThat(loop.releases.poll()).containsExactly("b");
    }

    @Test
    void theRunningLoopReleasesAtOnceOnStart() throws InterruptedException {
        Loop loop = new Loop();
        loop.start();
        try {
            assertThat(loop.releases.poll(10, TimeUnit.SECONDS)).as("a release on start").isEmpty();
        } finally {
            loop.stop();
        }
    }
}
