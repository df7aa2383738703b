package dev.pausepoint.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.dashboard.api.ApiClient.Path;
import org.junit.jupiter.api.Test;

class ApiClientPathTest {

    @Test
    void segmentsFromTheBrowserAreEncodedSoTheyCannotReachAnotherPath() {
        assertThat(Path.of("/v1/pause/{}", "psr_1").rawPath()).isEqualTo("/v1/pause/psr_1");
        assertThat(Path.of("/v1/pause/{}", "../auth/keys/rotate").rawPath()).isEqualTo("/v1/pause/..%2Fauth%2Fkeys%2Frotate");
        assertThat(Path.of("/v1/webhooks/{}/deliveries", "a?b#c").rawPath()).isEqualTo("/v1/webhooks/a%3Fb%23c/deliveries");
        assertThat(Path.of("/v1/pause/{}", "\u00e9\u0000").rawPath()).isEqualTo("/v1/pause/%C3%A9%00");
    }

    @Test
    void queryValuesAreEncodedAndEmptyOnesLeftOut() {
        assertThat(Path.of("/v1/audit").query("event_type", "a&b=c").query("from_date", "").query("limit", 20)
                .query("to_date", null).pathAndQuery()).isEqualTo("/v1/audit?event_type=a%26b%3Dc&limit=20");
    }

    @Test
    void aTemplateTakesExactlyItsSegments() {
        assertThatThrownBy(() -> Path.of("/v1/pause/{}")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> Path.of("/v1/pause", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
