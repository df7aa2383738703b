package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The PromQL check that MetricsSystemTest applies to deploy/observability: what it accepts and refuses. */
class PromQlTest {

    @Test
    void namesTheMetricsAnExpressionSelectsAndNoFunctionOrLabel() {
        assertThat(PromQl.metricNames("""
                sum by (application) (rate(http_server_requests_seconds_count{status=~"5..", application=~"$application"}[5m]))
                  / on (application) group_left sum by (application) (rate(http_server_requests_seconds_count[$__rate_interval]))
                  > bool 0.05 or max without (instance) (pausepoint_outbox_oldest_age_seconds offset 1h) > 60"""))
                .containsExactly("http_server_requests_seconds_count", "pausepoint_outbox_oldest_age_seconds");
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le) (rate(a_bucket[5m:1m]))) ^ 2 ^ -1"))
                .containsExactly("a_bucket");
        assertThat(PromQl.metricNames("topk(3, x) unless on () y == 1")).containsExactly("x", "y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(x[5m]", "sum by (a (x)", "x{a=\"b\"", "x{a=b}", "x +", "ratez(x[5m])",
            "x[5 minutes]", "sum(x) by", "1 > 2", "x y", "x{a=\"b\",,}"})
    void refusesWhatIsNotPromQl(String expression) {
        assertThatThrownBy(() -> PromQl.metricNames(expression)).isInstanceOf(IllegalArgumentException.class);
    }
}
