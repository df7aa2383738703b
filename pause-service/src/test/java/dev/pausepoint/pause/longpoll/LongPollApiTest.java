package dev.pausepoint.pause.longpoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class LongPollApiTest extends PauseApiTest {

    @Autowired
    PauseWaiters waiters;

    @Autowired
    PauseChangeListener listener;

    @Autowired
    JdbcClient jdbc;

    private Reply respond(String pauseId) {
        return client.internalPost("/internal/pauses/" + pauseId + "/response",
                "{\"choice\":\"Approve\",\"text\":null,\"actor_ip\":\"1.1.1.1\",\"user_agent\":\"poll\"}", "response-service");
    }

    private CompletableFuture<Reply> waitFor(CallerIdentity caller, String pauseId, int seconds) {
        return CompletableFuture.supplyAsync(() -> client.get("/v1/pause/" + pauseId + "?wait=" + seconds, caller));
    }

    @Test
    void aParkedRequestAnswersTheMomentThePauseIsAnswered() throws Exception {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        long started = System.nanoTime();
        CompletableFuture<Reply> parked = waitFor(caller, id, 25);
        await().atMost(Duration.ofSeconds(5)).until(() -> waiters.count() > 0);
        assertThat(parked).isNotDone();
        respond(id);
        Reply reply = parked.get();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asString()).isEqualTo("responded");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("woken, not timed out")
                .isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void withoutAChangeItAnswersWithTheCurrentStateWhenTheWaitEnds() throws Exception {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        Reply reply = waitFor(caller, id, 1).get();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asString()).isEqualTo("pending");
        assertThat(waiters.count()).as("the timed-out waiter is forgotten").isZero();
    }

    @Test
    void aFinishedPauseAnswersAtOnce() throws Exception {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        client.send("DELETE", "/v1/pause/" + id, null, null, caller);
        assertThat(waitFor(caller, id, 30).get().json().get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void waitIsAtMostThirtySeconds() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        for (String wait : List.of("31", "-1", "soon")) {
            Reply reply = client.get("/v1/pause/" + id + "?wait=" + wait, caller);
            assertThat(reply.status()).as(wait).isEqualTo(422);
            assertThat(reply.json().get("detail").get(0).get("field").asString()).isEqualTo("wait");
        }
        assertThat(client.get("/v1/pause/psr_unknown?wait=5", caller).status()).isEqualTo(404);
    }

    @Test
    void threeHundredParkedRequestsHoldNoThreadOrConnectionEach() throws Exception {
        // More waiters than Tomcat threads (64) and pooled connections (8): they can only all be
        // parked, and all answered, if waiting holds neither.
        CallerIdentity caller = developer("free", KeyMode.TEST);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(createdId(caller, SMS_PAUSE));
        }
        ExecutorService clients = Executors.newFixedThreadPool(300);
        List<CompletableFuture<Reply>> parked = new ArrayList<>();
        for (String id : ids) {
            parked.add(CompletableFuture.supplyAsync(() -> client.get("/v1/pause/" + id + "?wait=30", caller), clients));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> waiters.count() == 300);
        for (String id : ids) {
            assertThat(respond(id).status()).isEqualTo(200);
        }
        for (CompletableFuture<Reply> reply : parked) {
            assertThat(reply.get().json().get("status").asString()).isEqualTo("responded");
        }
        clients.shutdown();
    }

    @Test
    void aChangeMadeByAnotherInstanceWakesTheWaiterThroughPostgres() throws Exception {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        await().atMost(Duration.ofSeconds(5)).until(listener::listening);
        CompletableFuture<Reply> parked = waitFor(caller, id, 25);
        await().atMost(Duration.ofSeconds(5)).until(() -> waiters.count() > 0);
        // What another pause-service instance does: change the row and notify, in one transaction.
        jdbc.sql("WITH changed AS (UPDATE pause SET status = 'cancelled', cancelled_at = now() WHERE id = ? RETURNING id) "
                + "SELECT pg_notify('pause_changed', id) FROM changed").param(id).query(Object.class).list();
        assertThat(parked.get().json().get("status").asString()).isEqualTo("cancelled");
    }
}
