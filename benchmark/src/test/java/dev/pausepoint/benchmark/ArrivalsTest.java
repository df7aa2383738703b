package dev.pausepoint.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhook arrivals at the stand-in receiver, over real HTTP, as the latency phases read them. */
class ArrivalsTest {

    private final Outside outside = Outside.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        outside.stop();
    }

    @Test
    void timesOnlyTheNamedEventOfAStartedPauseFromItsFirstPost() throws Exception {
        Arrivals responded = Arrivals.webhooks(outside, "pause.responded");
        long start = System.nanoTime();
        responded.started("psr_answered", start);
        responded.started("psr_created", start);

        post("{\"event\": \"pause.responded\", \"pause_id\": \"psr_answered\"}");
        post("{\"event\": \"pause.created\", \"pause_id\": \"psr_created\"}");
        long afterFirst = System.nanoTime();
        post("{\"event\": \"pause.responded\", \"pause_id\": \"psr_answered\"}");
        responded.await(List.of("psr_answered"), 1);

        assertThat(responded.arrivedOf(List.of("psr_answered", "psr_created"))).isEqualTo(1);
        assertThat(responded.latencies().getTotalCount()).isEqualTo(1);
        // The retry's later arrival does not replace the first.
        assertThat(responded.latencies().getMaxValue()).isLessThanOrEqualTo((afterFirst - start) / 1000 + 1);
    }

    @Test
    void everyListenerSeesEveryPost() throws Exception {
        Arrivals responded = Arrivals.webhooks(outside, "pause.responded");
        Arrivals timedOut = Arrivals.webhooks(outside, "pause.timed_out");

        post("{\"event\": \"pause.responded\", \"pause_id\": \"psr_1\"}");
        post("{\"event\": \"pause.timed_out\", \"pause_id\": \"psr_2\"}");
        responded.await(List.of("psr_1"), 1);
        timedOut.await(List.of("psr_2"), 1);

        assertThat(responded.arrivedOf(List.of("psr_1", "psr_2"))).isEqualTo(1);
        assertThat(timedOut.arrivedOf(List.of("psr_1", "psr_2"))).isEqualTo(1);
    }

    private void post(String json) throws Exception {
        URI hook = URI.create(outside.webhookUrl().replace(Outside.RECEIVER_HOST, "localhost"));
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(hook).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(200);
    }
}
