package dev.pausepoint.delivery.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InFlightLimitsTest {

    @Test
    void oneDeveloperCanNeverFillTheInstance() {
        assertThat(new InFlightLimits(256, 255).perDeveloper()).isEqualTo(255);
        assertThatThrownBy(() -> new InFlightLimits(256, 256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("in-flight limits need 1 <= per developer (256) < total (256)");
        assertThatThrownBy(() -> new InFlightLimits(16, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsFallBackToNothing() {
        InFlightCounts counts = new InFlightCounts();
        counts.add("dev_a");
        counts.add("dev_a");
        counts.add("dev_b");
        counts.remove("dev_a");

        assertThat(counts.snapshot()).containsOnly(java.util.Map.entry("dev_a", 1), java.util.Map.entry("dev_b", 1));
        counts.remove("dev_a");
        counts.remove("dev_b");
        assertThat(counts.snapshot()).isEmpty();
    }
}
