package dev.pausepoint.pause.longpoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Long-polls on one instance. Every wake-up is bounded well under the wait: a waiter that is only
 * answered when its wait ends (a broken notification path) fails these tests instead of passing late.
 */
class LongPollApiTest extends PauseApiTest {

    /**
     * Parked requests wait this long: below the test client's 30 s timeout, so a missed wake-up shows as
     * a late answer that the bound below names, not as a client timeout.
     */
    static final int WAIT_SECONDS = 20;

    /** Generous for a loaded two-core machine, and far below the wait a missed wake-up costs. */
    static final Duration WAKE_BOUND = Duration.ofSeconds(5);

    /** A reply and when it arrived, to measure the wake-up from the change that caused it. */
    record Timed(Reply reply, long arrivedNanos) {
        Duration after(long changedNanos) {
            return Duration.ofNanos(arrivedNanos - changedNanos);
        }
    }

    @Autowired
    PauseWaiters waiters;

    @Autowired
    PauseChangeSubscriber subscriber;

    @Autowired
    JdbcClient jdbc;

    private CompletableFuture<Reply> waitFor(CallerIdentity caller, String pauseId, int seconds) {
        return CompletableFuture.supplyAsync(() -> client.get("/v1/pause/" + pauseId + "?wait=" + seconds, caller));
    }

    private CompletableFuture<Timed> timedWait(CallerIdentity caller, String pauseId, Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            Reply reply = client.get("/v1/pause/" + pauseId + "?wait=" + WAIT_SECONDS, caller);
            return new Timed(reply, System.nanoTime());
        }, executor);
    }

    @Test
    void aParkedRequestAnswersTheMomentThePauseIsAnswered() throws Exception {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        await().atMost(Duration.ofSeconds(5)).until(subscriber::listening);
        CompletableFuture<Timed> parked = timedWait(caller, id, ForkJoinPool.commonPool());
        await().atMost(Duration.ofSeconds(5)).until(() -> waiters.count() > 0);
        assertThat(parked).isNotDone();
        assertThat(respond(id).status()).isEqualTo(200);
        long changed = System.nanoTime();
        Timed woken = parked.get();
        assertThat(woken.reply().status()).isEqualTo(200);
        assertThat(woken.reply().json().get("status").asString()).isEqualTo("responded");
        assertThat(woken.after(changed)).as("woken by the change, not by the end of the wait")
                .isLessThan(WAKE_BOUND);
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
        long asked = System.nanoTime();
        Timed answered = timedWait(caller, id, ForkJoinPool.commonPool()).get();
        assertThat(answered.reply().json().get("status").asString()).isEqualTo("cancelled");
        assertThat(answered.after(asked)).as("not parked at all").isLessThan(WAKE_BOUND);
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
        await().atMost(Duration.ofSeconds(5)).until(subscriber::listening);
        ExecutorService clients = Executors.newFixedThreadPool(300);
        Map<String, CompletableFuture<Timed>> parked = new LinkedHashMap<>();
        for (String id : ids) {
            parked.put(id, timedWait(caller, id, clients));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> waiters.count() == 300);
        Map<String, Long> changed = new LinkedHashMap<>();
        for (String id : ids) {
            assertThat(respond(id).status()).isEqualTo(200);
            changed.put(id, System.nanoTime());
        }
        for (String id : ids) {
            Timed woken = parked.get(id).get();
            assertThat(woken.reply().json().get("status").asString()).isEqualTo("responded");
            assertThat(woken.after(changed.get(id))).as("%s woken by its change", id).isLessThan(WAKE_BOUND);
        }
        clients.shutdown();
        assertThat(waiters.count()).isZero();
    }

    @Test
    void aChangeMadeByAnotherInstanceWakesTheWaiterThroughPostgres() throws Exception {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        await().atMost(Duration.ofSeconds(5)).until(subscriber::listening);
        CompletableFuture<Timed> parked = timedWait(caller, id, ForkJoinPool.commonPool());
        await().atMost(Duration.ofSeconds(5)).until(() -> waiters.count() > 0);
        // What another pause-service instance does: change the row and notify, in one transaction.
        jdbc.sql("WITH changed AS (UPDATE pause SET status = 'cancelled', cancelled_at = now() WHERE id = ? RETURNING id) "
                + "SELECT pg_notify('pause_changed', id) FROM changed").param(id).query(Object.class).list();
        long changed = System.nanoTime();
        Timed woken = parked.get();
        assertThat(woken.reply().json().get("status").asString()).isEqualTo("cancelled");
        assertThat(woken.after(changed)).as("woken by the notification, not by the end of the wait")
                .isLessThan(WAKE_BOUND);
    }
}
