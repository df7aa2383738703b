package dev.pausepoint.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StackCpuTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void anOperationCostsTheCpuUsedLessWhatTheProcessSpendsIdleOverThatTime() {
        StackCpu.Sample idleFrom = new StackCpu.Sample(Map.of("Kafka", 1_000.0), 0);
        StackCpu.Sample idleTo = new StackCpu.Sample(Map.of("Kafka", 1_050.0), 5 * SECOND);
        Map<String, Double> idle = idleTo.ratePerSecond(idleFrom);
        assertThat(idle.get("Kafka")).isCloseTo(10.0, within(1e-9));

        // 20 s of load: 2,000 ms used, of which 200 ms idle work; 1,000 operations.
        StackCpu.Sample before = new StackCpu.Sample(Map.of("Kafka", 2_000.0), 10 * SECOND);
        StackCpu.Sample after = new StackCpu.Sample(Map.of("Kafka", 4_000.0), 30 * SECOND);

        assertThat(after.perOperation(before, 1_000, idle).get("Kafka")).isCloseTo(1.8, within(1e-9));
    }

    @Test
    void lessThanIdleCostsNothingRatherThanLessThanNothing() {
        StackCpu.Sample before = new StackCpu.Sample(Map.of("Redis", 100.0), 0);
        StackCpu.Sample after = new StackCpu.Sample(Map.of("Redis", 101.0), SECOND);

        assertThat(after.perOperation(before, 10, Map.of("Redis", 5.0)).get("Redis")).isZero();
    }
}
