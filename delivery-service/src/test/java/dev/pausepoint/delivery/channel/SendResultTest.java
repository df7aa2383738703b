package dev.pausepoint.delivery.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.delivery.channel.SendResult.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract's rule (docs/api-reference.md, "Channels"): 5xx and 429 are retried, other 4xx fail at once,
 * 2xx is accepted.
 */
class SendResultTest {

    @ParameterizedTest
    @CsvSource({"200, ACCEPTED", "201, ACCEPTED", "202, ACCEPTED", "429, RETRY", "500, RETRY", "502, RETRY",
            "503, RETRY", "504, RETRY", "400, FAIL", "401, FAIL", "403, FAIL", "404, FAIL", "410, FAIL", "301, FAIL"})
    void aProviderStatusDecidesTheOutcome(int status, Outcome expected) {
        SendResult result = SendResult.ofStatus(status, "id-1", false, "answered " + status);

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.statusCode()).isEqualTo(status);
        assertThat(result.error()).isEqualTo(expected == Outcome.ACCEPTED ? null : "answered " + status);
    }
}
