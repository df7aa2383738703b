package dev.pausepoint.delivery.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.delivery.DeliveryApiTest;
import dev.pausepoint.events.EventMother;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant cannot starve the others: four developers whose twenty endpoints each accept the
 * connection and never answer keep firing events, and a fifth developer's webhook still arrives
 * within 2 s of its event, every time, on this one instance.
 */
class WebhookFairnessTest extends DeliveryApiTest {

    private static final Logger log = LoggerFactory.getLogger(WebhookFairnessTest.class);
    private static final String SECRET = "whsec-fairness-0123456789";
    private static final int HUNG_DEVELOPERS = 4;
    private static final int ENDPOINTS_EACH = 20;
    private static final int ROUNDS = 10;
    private static final Duration BOUND = Duration.ofSeconds(2);

    private String register(CallerIdentity caller, String url) {
        Reply reply = client.postJson("/v1/webhooks", """
                {"url": "%s", "secret": "%s"}""".formatted(url, SECRET), caller);
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().get("webhook_id").asString();
    }

    private static PauseResponded responded(CallerIdentity caller) {
        PauseResponded template = EventMother.pauseResponded();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new PauseResponded("evt_" + UUID.randomUUID(), at, 1, "psr_" + UUID.randomUUID(),
                caller.developerId(), true, "Approve", null, at, Map.of(), template.actorIp(), template.userAgent());
    }

    @Test
    void aFifthDevelopersWebhookArrivesWithinTwoSecondsWhileFourOthersHoldHungEndpoints() throws Exception {
        List<CallerIdentity> hungDevelopers = new ArrayList<>();
        List<String> hungEndpoints = new ArrayList<>();
        ScheduledExecutorService firing = Executors.newSingleThreadScheduledExecutor();
        try (StallingReceiver hung = StallingReceiver.neverAnswering(RECEIVER_HOST)) {
            for (int d = 0; d < HUNG_DEVELOPERS; d++) {
                CallerIdentity developer = developer(KeyMode.LIVE);
                hungDevelopers.add(developer);
                for (int e = 0; e < ENDPOINTS_EACH; e++) {
                    hungEndpoints.add(register(developer, hung.url(RECEIVER_HOST, "/hung/" + d + "/" + e)));
                }
            }
            CallerIdentity fifth = developer(KeyMode.LIVE);
            String path = "/receiver/fifth/" + UUID.randomUUID();
            OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
            register(fifth, receiver(path));

            // The four keep firing throughout: each event is twenty more posts that will hang.
            firing.scheduleAtFixedRate(() -> hungDevelopers.forEach(developer -> publish(responded(developer))),
                    0, 500, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> hung.open() >= HUNG_DEVELOPERS * ENDPOINTS_EACH);

            List<Duration> latencies = new ArrayList<>();
            List<Integer> heldAtPublication = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                int expected = round;
                heldAtPublication.add(hung.open());
                Instant published = Instant.now();
                publish(responded(fifth));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> OUTSIDE.findAll(postRequestedFor(urlEqualTo(path))).size() >= expected);
                LoggedRequest arrived = OUTSIDE.findAll(postRequestedFor(urlEqualTo(path))).get(round - 1);
                latencies.add(Duration.between(published, arrived.getLoggedDate().toInstant()));
                // Spread the rounds over the hung posts' 10 s timeout, when freed slots are claimed again.
                Thread.sleep(1000);
            }
            log.info("Fifth developer's webhook latencies from publication: {}; hung posts held at each publication: {}",
                    latencies, heldAtPublication);

            assertThat(heldAtPublication).as("the four held at least one post per endpoint the whole time")
                    .allSatisfy(held -> assertThat(held).isGreaterThanOrEqualTo(HUNG_DEVELOPERS * ENDPOINTS_EACH));
            assertThat(latencies).as("the fifth developer's latencies from publication: %s", latencies)
                    .allSatisfy(latency -> assertThat(latency).isLessThanOrEqualTo(BOUND));
        } finally {
            firing.shutdownNow();
            firing.awaitTermination(10, TimeUnit.SECONDS);
            // Deleting gives up the hung endpoints' pending deliveries, so no later test inherits their backlog.
            for (int i = 0; i < hungEndpoints.size(); i++) {
                CallerIdentity owner = hungDevelopers.get(i / ENDPOINTS_EACH);
                client.send("DELETE", "/v1/webhooks/" + hungEndpoints.get(i), null, null, owner);
            }
        }
    }
}
