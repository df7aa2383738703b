package dev.pausepoint.gateway.longpoll;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway's long-poll caps on real Redis, with a pause-service stub that answers "pending" at once,
 * as the real one does: each admitted wait is then parked in the gateway for its whole wait, since no
 * pause event comes. Caps are small here so tests can pass them.
 */
@TestPropertySource(properties = {"pausepoint.gateway.long-poll.max-per-developer=" + LongPollLimitTest.PER_DEVELOPER,
        "pausepoint.gateway.long-poll.max-per-instance=" + LongPollLimitTest.PER_INSTANCE})
class LongPollLimitTest extends GatewayIntegrationTest {

    static final int PER_DEVELOPER = 5;
    static final int PER_INSTANCE = 8;
    static final int WAIT_SECONDS = 5;

    @Autowired
    MeterRegistry meters;

    private ExecutorService clients;
    private String ip;

    @BeforeEach
    void pauseServiceHoldsLongPolls() {
        clients = Executors.newFixedThreadPool(16);
        ip = newClientAddress();
        stubs("pause-service").stubFor(get(urlPathMatching("/v1/pause/psr_.*")).withQueryParam("wait", matching(".+"))
                .willReturn(okJson("{\"status\":\"pending\"}")));
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    /** A new developer's key in {@code mode}; returns the key and remembers nothing else. */
    static String newDeveloperKey(String developerId, String mode) {
        String key = "pp_" + mode + "_" + UUID.randomUUID().toString().replace("-", "") + "0".repeat(16);
        knowCredential(key, developerId, mode, "free", "api_key");
        return key;
    }

    private CompletableFuture<HttpResponse<String>> longPoll(String key, String pauseId, CountDownLatch start) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return call(port, "GET", "/v1/pause/" + pauseId + "?wait=" + WAIT_SECONDS, "Authorization", "Bearer " + key,
                    "X-Forwarded-For", ip);
        }, clients);
    }

    private static int reached(String pauseId) {
        return stubs("pause-service").findAll(getRequestedFor(urlPathEqualTo("/v1/pause/" + pauseId))).size();
    }

    private long slotsHeld(String developerId, String mode) {
        Long size = redis.opsForZSet().size("lp:" + developerId + ":" + mode).block(Duration.ofSeconds(5));
        return size == null ? 0 : size;
    }

    private double inFlight() {
        return meters.get("pausepoint.longpoll.waiters").gauge().value();
    }

    @Test
    void oneKeyGetsExactlyItsCapOfConcurrentWaitsAndTheNextIs429WithRetryAfter() throws Exception {
        String flooder = "dev_" + UUID.randomUUID();
        String other = "dev_" + UUID.randomUUID();
        String flooderKey = newDeveloperKey(flooder, "test");
        String otherKey = newDeveloperKey(other, "test");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < PER_DEVELOPER + 1; i++) {
            flood.add(longPoll(flooderKey, "psr_flood", start));
        }
        CompletableFuture<HttpResponse<String>> others = longPoll(otherKey, "psr_other", start);
        start.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> reached("psr_flood") == PER_DEVELOPER
                && flood.stream().filter(CompletableFuture::isDone).count() == 1);
        HttpResponse<String> refused = flood.stream().filter(CompletableFuture::isDone).findFirst().orElseThrow().join();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()))
                .as("until the oldest wait ends").isBetween(1, WAIT_SECONDS);
        assertThat(refused.body()).startsWith("{\"error\":\"RATE_LIMITED\",\"message\":\"Concurrent long-poll limit of "
                + PER_DEVELOPER + " waiting requests").endsWith("\"status_code\":429}");
        assertThat(slotsHeld(flooder, "test")).isEqualTo(PER_DEVELOPER);
        await().atMost(Duration.ofSeconds(5)).until(() -> reached("psr_other") == 1);
        assertThat(slotsHeld(other, "test")).as("another developer is unaffected").isEqualTo(1);

        for (CompletableFuture<HttpResponse<String>> poll : flood) {
            if (poll.join() != refused) {
                assertThat(poll.join().statusCode()).isEqualTo(200);
            }
        }
        assertThat(others.join().statusCode()).isEqualTo(200);
        assertThat(reached("psr_flood")).as("the refused one never reached pause-service; the others read when "
                + "they came and when their wait ended").isEqualTo(2 * PER_DEVELOPER);
        await().atMost(Duration.ofSeconds(5)).until(() -> slotsHeld(flooder, "test") == 0 && slotsHeld(other, "test") == 0);
        assertThat(inFlight()).isZero();

        CountDownLatch again = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> next = new ArrayList<>();
        for (int i = 0; i < PER_DEVELOPER; i++) {
            next.add(longPoll(flooderKey, "psr_flood", again));
        }
        again.countDown();
        assertThat(next.stream().map(CompletableFuture::join).map(HttpResponse::statusCode))
                .as("the whole cap is free again").containsOnly(200);
    }

    @Test
    void liveAndTestWaitsOfOneDeveloperAreCountedApart() {
        String developer = "dev_" + UUID.randomUUID();
        String live = newDeveloperKey(developer, "live");
        String test = newDeveloperKey(developer, "test");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < PER_DEVELOPER; i++) {
            polls.add(longPoll(live, "psr_live", start));
        }
        polls.add(longPoll(test, "psr_test", start));
        start.countDown();
        assertThat(polls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)).containsOnly(200);
    }

    @Test
    void pastTheInstanceCapAWaitIs503AndOtherRequestsStillPass() {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        List<String> developers = List.of("dev_" + UUID.randomUUID(), "dev_" + UUID.randomUUID());
        for (String developer : developers) {
            String key = newDeveloperKey(developer, "test");
            for (int i = 0; i < PER_DEVELOPER; i++) {
                polls.add(longPoll(key, "psr_busy", start));
            }
        }
        start.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> reached("psr_busy") == PER_INSTANCE
                && polls.stream().filter(CompletableFuture::isDone).count() == 2);
        assertThat(inFlight()).isEqualTo(PER_INSTANCE);
        for (CompletableFuture<HttpResponse<String>> poll : polls.stream().filter(CompletableFuture::isDone).toList()) {
            HttpResponse<String> busy = poll.join();
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(busy.body()).startsWith("{\"error\":\"SERVICE_UNAVAILABLE\",\"message\":\"This gateway instance is "
                    + "already carrying its maximum of " + PER_INSTANCE + " waiting requests");
        }
        String reader = newDeveloperKey("dev_" + UUID.randomUUID(), "test");
        assertThat(call(port, "GET", "/v1/pause/psr_busy", "Authorization", "Bearer " + reader, "X-Forwarded-For", ip)
                .statusCode()).as("a read without wait still passes").isEqualTo(200);
        assertThat(polls.stream().map(CompletableFuture::join).filter(reply -> reply.statusCode() == 200)).hasSize(PER_INSTANCE);
        await().atMost(Duration.ofSeconds(5)).until(() -> inFlight() == 0);
        assertThat(developers).allSatisfy(developer -> assertThat(slotsHeld(developer, "test")).isZero());
    }

    @Test
    void aClientThatHangsUpGivesBackItsSlotAndItsPlaceAtOnce() throws Exception {
        String developer = "dev_" + UUID.randomUUID();
        String key = newDeveloperKey(developer, "test");
        RawHttpConnection client = RawHttpConnection.openWith(port, "GET /v1/pause/psr_hangup?wait=" + WAIT_SECONDS
                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key + "\r\nX-Forwarded-For: " + ip + "\r\n\r\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> reached("psr_hangup") == 1 && slotsHeld(developer, "test") == 1
                && inFlight() == 1);
        long closed = System.nanoTime();
        client.close();
        // The wait lives only in the gateway: nothing of it outlives the client's connection.
        await().atMost(Duration.ofSeconds(WAIT_SECONDS + 3)).until(() -> inFlight() == 0 && slotsHeld(developer, "test") == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - closed)).as("given back when the client left, not when the "
                + "wait would have ended").isLessThan(Duration.ofSeconds(WAIT_SECONDS).minusSeconds(2));
        assertThat(reached("psr_hangup")).as("no read after the client left").isEqualTo(1);
    }
}
