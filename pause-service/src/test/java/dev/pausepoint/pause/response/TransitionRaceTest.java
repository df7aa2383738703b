package dev.pausepoint.pause.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseEvent;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import dev.pausepoint.pause.lifecycle.PauseTransitions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A human's response, the developer's cancel and the timeout sweep hammer the same pauses at the same
 * moment, each pause placed right on the edge of its expiry. Whatever interleaving happens, every pause
 * ends in exactly one terminal state, exactly one caller is told it won, that caller is the one whose
 * transition the final status and the one published event record, and no other caller is told that a
 * different transition won.
 *
 * <p>Every sweep must be the test's own, so that every caller's answer is seen: this context has its own
 * database (no other context's sweeper reaches it) and its background sweeper does not run during the
 * test.
 */
@TestPropertySource(properties = {"pausepoint.test.database=pause_service_race", "pausepoint.pauses.sweep-interval=1h"})
class TransitionRaceTest extends PauseApiTest {

    private static final int TRIALS = 200;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PauseTransitions transitions;

    /** Who was told they won each pause: "responded", "cancelled" or "timed_out", one entry per caller. */
    private final Map<String, List<String>> toldWon = new ConcurrentHashMap<>();
    /** What each loser was told had happened instead, as the error code of its 409. */
    private final Map<String, List<String>> toldLost = new ConcurrentHashMap<>();
    /** Which racer of a trial won it, by kind, to show that each kind can win. */
    private final Map<String, Integer> racerWins = new ConcurrentHashMap<>();

    @Test
    void respondCancelAndTimeoutAlwaysHaveExactlyOneWinnerWhoIsToldAndOneEvent() throws Exception {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            ids.add(createdId(caller, SMS_PAUSE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            int[] offsetsMillis = {-5, 0, 2, 5, 15};
            for (int trial = 0; trial < ids.size(); trial++) {
                String id = ids.get(trial);
                // Right on the edge of expiry, on either side, so that each of the three can win.
                jdbc.sql("UPDATE pause SET expires_at = clock_timestamp() + make_interval(secs => ? / 1000.0) WHERE id = ?")
                        .params(offsetsMillis[trial % offsetsMillis.length], id).update();
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Reply> respond = race(pool, start, () -> client.internalPost(
                        "/internal/pauses/" + id + "/response",
                        "{\"choice\":\"Approve\",\"text\":null,\"actor_ip\":\"1.1.1.1\",\"user_agent\":\"race\"}",
                        "response-service"));
                CompletableFuture<Reply> cancel = race(pool, start,
                        () -> client.send("DELETE", "/v1/pause/" + id, null, null, caller));
                CompletableFuture<List<String>> sweep = race(pool, start, () -> transitions.timeOutExpired(50));
                start.countDown();
                recordReply(id, "responded", respond.get());
                recordReply(id, "cancelled", cancel.get());
                recordSweep(sweep.get(), true);
            }
        } finally {
            pool.shutdown();
        }
        // A pause nobody won in its instant is still pending past its expiry; a sweep ends it, and is told so.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            recordSweep(transitions.timeOutExpired(500), false);
            return jdbc.sql("SELECT count(*) FROM pause WHERE developer_id = ? AND status = 'pending'")
                    .param(caller.developerId()).query(Integer.class).single() == 0;
        });

        Map<String, String> statuses = jdbc.sql("SELECT id, status FROM pause WHERE developer_id = ?")
                .param(caller.developerId()).query((row, n) -> Map.entry(row.getString(1), row.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<String> ours = new HashSet<>(ids);
        List<Event> terminal = EventReader.readFenced(Topics.PAUSE_EVENTS, event ->
                (event instanceof PauseResponded r && ours.contains(r.pauseId()))
                        || (event instanceof PauseCancelled c && ours.contains(c.pauseId()))
                        || (event instanceof PauseTimedOut t && ours.contains(t.pauseId())));
        Map<String, List<String>> eventsByPause = terminal.stream().collect(Collectors.groupingBy(
                event -> ((PauseEvent) event).pauseId(),
                Collectors.mapping(event -> event.getClass().getSimpleName(), Collectors.toList())));

        for (String id : ids) {
            String status = statuses.get(id);
            assertThat(eventsByPause.get(id)).as("events of %s (%s)", id, status).containsExactly(switch (status) {
                case "responded" -> "PauseResponded";
                case "cancelled" -> "PauseCancelled";
                case "timed_out" -> "PauseTimedOut";
                default -> throw new AssertionError(id + " ended " + status);
            });
            assertThat(toldWon.get(id)).as("the callers told they won %s, which ended %s", id, status)
                    .containsExactly(status);
            // A loser reads the pause when its own update found nothing to change. Past the expiry, with the
            // winner's transaction (begun before the expiry) not yet committed, it still reads pending and
            // is told the pause timed out; it is never told another transition won.
            assertThat(toldLost.getOrDefault(id, List.of())).as("what the losers of %s were told", id)
                    .isSubsetOf("ALREADY_" + status.toUpperCase(), "ALREADY_TIMED_OUT");
        }
        System.out.println("race winners over " + TRIALS + " trials: " + racerWins);
        assertThat(racerWins).as("each of the three won some trials").containsKeys("responded", "cancelled", "timed_out");
    }

    private void recordReply(String pauseId, String transition, Reply reply) {
        if (reply.status() == 200) {
            assertThat(reply.json().get("status").asString()).as("the winner's view of %s", pauseId).isEqualTo(transition);
            toldWon.computeIfAbsent(pauseId, id -> new ArrayList<>()).add(transition);
            racerWins.merge(transition, 1, Integer::sum);
        } else {
            assertThat(reply.status()).as("%s of %s: %s", transition, pauseId, reply.body()).isEqualTo(409);
            toldLost.computeIfAbsent(pauseId, id -> new ArrayList<>()).add(reply.json().get("error").asString());
        }
    }

    private void recordSweep(List<String> moved, boolean racing) {
        for (String pauseId : moved) {
            toldWon.computeIfAbsent(pauseId, id -> new ArrayList<>()).add("timed_out");
            if (racing) {
                racerWins.merge("timed_out", 1, Integer::sum);
            }
        }
    }

    private static <T> CompletableFuture<T> race(ExecutorService pool, CountDownLatch start, Supplier<T> action) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return action.get();
        }, pool);
    }
}
