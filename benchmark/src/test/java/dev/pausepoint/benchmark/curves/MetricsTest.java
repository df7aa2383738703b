package dev.pausepoint.benchmark.curves;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final String PAGE = """
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="Eden Space"} 1048576.0
            jvm_memory_used_bytes{area="heap",id="Tenured Gen"} 2097152.0
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
            jvm_memory_used_bytes_total 5.0
            pausepoint_longpoll_waiters 2500.0
            """;

    @Test
    void sumsTheSamplesWhoseLabelsMatch() {
        assertThat(Metrics.sum(PAGE, "jvm_memory_used_bytes", "area=\"heap\"")).isEqualTo(3_145_728.0);
        assertThat(Metrics.sum(PAGE, "pausepoint_longpoll_waiters", "")).isEqualTo(2_500.0);
    }

    @Test
    void aMetricNotOnThePageIsNotANumber() {
        assertThat(Metrics.sum(PAGE, "pausepoint_longpoll_capacity", "")).isNaN();
    }
}
