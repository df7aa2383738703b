package dev.pausepoint.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The warm-up's end: rounds repeat while a compiler is busy, and stop once all are quiet or the time is up. */
class JitSettlingTest {

    private static final long ROUND = Duration.ofSeconds(10).toNanos();

    /** A clock and compilers driven by the rounds: each round takes 10 s and each process compiles at the next of its rates. */
    private static final class Rounds implements Runnable {
        private long nanoTime;
        private final Map<String, Double> compiled = new LinkedHashMap<>();
        private final Map<String, Iterator<Double>> rates = new LinkedHashMap<>();
        private final AtomicInteger count = new AtomicInteger();

        Rounds rates(String process, Double... perSecond) {
            compiled.put(process, 0.0);
            rates.put(process, List.of(perSecond).iterator());
            return this;
        }

        @Override
        public void run() {
            count.incrementAndGet();
            nanoTime += ROUND;
            rates.forEach((process, next) -> compiled.merge(process, next.next() * 10, Double::sum));
        }

        JitSettling settling() {
            Map<String, Long> pids = new LinkedHashMap<>();
            compiled.keySet().forEach(process -> pids.put(process, (long) pids.size()));
            List<String> names = List.copyOf(compiled.keySet());
            return new JitSettling(pids, pid -> compiled.get(names.get(pid.intValue())), () -> nanoTime);
        }
    }

    @Test
    void roundsRepeatUntilEveryCompilerIsUnderTheThreshold() {
        Rounds rounds = new Rounds().rates("gateway", 400.0, 120.0, 20.0, 0.0)
                .rates("pause-service", 300.0, 60.0, 25.0, 0.0)
                .rates("Postgres", 0.0, 0.0, 0.0, 0.0);

        JitSettling.Outcome outcome = rounds.settling().warm(Duration.ofMinutes(5), rounds);

        assertThat(rounds.count).hasValue(3);
        assertThat(outcome.settled()).isTrue();
        assertThat(outcome.took()).isEqualTo(Duration.ofSeconds(30));
        assertThat(outcome.lastRound()).containsExactly(Map.entry("gateway", 20.0), Map.entry("pause-service", 25.0),
                Map.entry("Postgres", 0.0));
        assertThat(outcome.describe()).startsWith("settled after 30 s").contains("gateway 20, pause-service 25, Postgres 0");
    }

    @Test
    void aCompilerThatStaysBusyEndsTheRoundsAtTheLimitUnsettled() {
        Rounds rounds = new Rounds().rates("gateway", 400.0, 26.0, 26.0, 26.0, 26.0).rates("Kafka", 0.0, 0.0, 0.0, 0.0, 0.0);

        JitSettling.Outcome outcome = rounds.settling().warm(Duration.ofSeconds(25), rounds);

        assertThat(rounds.count).as("rounds until 25 s had passed").hasValue(3);
        assertThat(outcome.settled()).isFalse();
        assertThat(outcome.describe()).startsWith("NOT settled after 30 s").contains("gateway 26");
    }

    @Test
    void aZeroLimitRunsOneRound() {
        Rounds rounds = new Rounds().rates("gateway", 400.0, 400.0);

        JitSettling.Outcome outcome = rounds.settling().warm(Duration.ZERO, rounds);

        assertThat(rounds.count).hasValue(1);
        assertThat(outcome.settled()).isFalse();
    }
}
