package dev.pausepoint.pause.lifecycle;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param slackHosts hosts a Slack recipient URL may point at (configuration by the contract:
 *        docs/api-reference.md, "Pauses")
 * @param absoluteMaxTimeoutHours the cap for plans without one of their own
 * @param sweepInterval how often the timeout sweeper looks for expired pauses
 * @param sweepBatchSize how many expired pauses one sweep transaction moves at most
 * @param smsAllowedCountryCodes the country calling codes SMS may go to (see {@code SmsCountryCodes})
 */
@ConfigurationProperties("pausepoint.pauses")
public record PauseProperties(List<String> slackHosts, int absoluteMaxTimeoutHours, Duration sweepInterval,
        int sweepBatchSize, List<String> smsAllowedCountryCodes) {
}
