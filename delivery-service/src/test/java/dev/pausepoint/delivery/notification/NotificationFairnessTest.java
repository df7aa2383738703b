package dev.pausepoint.delivery.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.delivery.DeliveryApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant cannot starve the others of provider sends: while one developer's burst of live SMS
 * waits on a provider that takes a second per message, another developer's SMS still goes out at once.
 */
class NotificationFairnessTest extends DeliveryApiTest {

    private static final Logger log = LoggerFactory.getLogger(NotificationFairnessTest.class);
    private static final int BURST = 200;
    private static final int ROUNDS = 5;

    private static void twilioAccepts(String to, int delayMillis) {
        OUTSIDE.stubFor(post(urlEqualTo(TWILIO_MESSAGES)).withFormParam("To", equalTo(to))
                .willReturn(aResponse().withStatus(201).withFixedDelay(delayMillis)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM" + UUID.randomUUID().toString().replace("-", "") + "\"}")));
    }

    private static List<LoggedRequest> twilioRequestsTo(String to) {
        return OUTSIDE.findAll(postRequestedFor(urlEqualTo(TWILIO_MESSAGES)).withFormParam("To", equalTo(to)));
    }

    @Test
    void oneDevelopersBurstOfSmsDoesNotDelayAnothersMessages() {
        String burstDeveloper = "dev_" + UUID.randomUUID();
        String burstTo = phone();
        twilioAccepts(burstTo, 1000);
        try {
            for (int i = 0; i < BURST; i++) {
                publish(pauseCreated(burstDeveloper, true, "sms", burstTo));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !twilioRequestsTo(burstTo).isEmpty());

            String developer = "dev_" + UUID.randomUUID();
            List<Duration> latencies = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                String to = phone();
                twilioAccepts(to, 0);
                Instant published = Instant.now();
                publish(pauseCreated(developer, true, "sms", to));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> !twilioRequestsTo(to).isEmpty());
                latencies.add(Duration.between(published, twilioRequestsTo(to).get(0).getLoggedDate().toInstant()));
            }
            log.info("Other developer's SMS latencies from publication: {}; burst messages sent by then: {} of {}",
                    latencies, twilioRequestsTo(burstTo).size(), BURST);

            assertThat(latencies).as("the other developer's SMS latencies from publication: %s", latencies)
                    .allSatisfy(latency -> assertThat(latency).isLessThanOrEqualTo(Duration.ofSeconds(2)));
            assertThat(twilioRequestsTo(burstTo)).as("the burst was still going out the whole time")
                    .hasSizeLessThan(BURST);
        } finally {
            // The rest of the burst would keep senders busy for the tests after this one.
            jdbc.sql("UPDATE notification SET status = 'failed', next_attempt_at = NULL WHERE developer_id = ? AND status = 'pending'")
                    .param(burstDeveloper).update();
        }
    }
}
