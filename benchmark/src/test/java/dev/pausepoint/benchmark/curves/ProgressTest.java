package dev.pausepoint.benchmark.curves;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void aPercentileIsTheFirstSampleThatCountsThatShareOfTheBatch() {
        Progress progress = new Progress(1_000);
        progress.record(0.2, 0);
        progress.record(0.4, 500);
        progress.record(0.6, 989);
        progress.record(0.8, 990);
        progress.record(1.0, 1_000);

        assertThat(progress.percentile(50)).isEqualTo(0.4);
        assertThat(progress.percentile(99)).isEqualTo(0.8);
        assertThat(progress.percentile(100)).isEqualTo(1.0);
        assertThat(progress.complete()).isTrue();
    }

    @Test
    void aShareNeverReachedIsNotANumber() {
        Progress progress = new Progress(1_000);
        progress.record(0.2, 400);

        assertThat(progress.percentile(50)).isNaN();
        assertThat(progress.complete()).isFalse();
        assertThat(progress.done()).isEqualTo(400);
    }
}
