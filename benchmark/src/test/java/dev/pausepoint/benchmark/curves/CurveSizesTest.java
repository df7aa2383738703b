package dev.pausepoint.benchmark.curves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurveSizesTest {

    @Test
    void theFullSizesAreTheIssues() {
        CurveSizes full = CurveSizes.full();

        assertThat(full.stored()).containsExactly(0L, 1_000_000L, 5_000_000L);
        assertThat(full.expiring()).contains(10_000L, 50_000L);
        assertThat(full.waiters()).isEqualTo(10_000);
        assertThat(full.deliveries()).contains(100_000L);
        assertThat(full.instances()).containsExactly(1L, 2L, 4L);
    }

    @Test
    void overridesReplaceOnlyTheNamedSizes() {
        CurveSizes sizes = CurveSizes.parse(CurveSizes.full(), "stored:0/20000, waiters:300,load:7");

        assertThat(sizes.stored()).isEqualTo(List.of(0L, 20_000L));
        assertThat(sizes.waiters()).isEqualTo(300);
        assertThat(sizes.load()).isEqualTo(Duration.ofSeconds(7));
        assertThat(sizes.deliveries()).isEqualTo(CurveSizes.full().deliveries());
        assertThat(sizes.expiring()).isEqualTo(CurveSizes.full().expiring());
    }

    @Test
    void anUnknownSizeIsRefused() {
        assertThatThrownBy(() -> CurveSizes.parse(CurveSizes.quick(), "pauses:5")).hasMessageContaining("pauses");
        assertThatThrownBy(() -> CurveSizes.parse(CurveSizes.quick(), "stored")).hasMessageContaining("name:a/b/c");
    }
}
