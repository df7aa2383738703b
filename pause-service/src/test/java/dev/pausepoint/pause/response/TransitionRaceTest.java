package dev.pausepoint.pause.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import dev.pausepoint.pause.pause.PauseTransitions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A human's response, the developer's cancel and the sweeper hammer the same pauses at the same moment,
 * each pause placed right on the edge of its expiry. Whatever interleaving happens, every pause ends
 * in exactly one terminal state, at most one caller is told it won, and exactly one terminal event of
 * the matching kind is published.
 */
class TransitionRaceTest extends PauseApiTest {

    private static final int TRIALS = 200;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PauseTransitions transitions;

    @Test
    void respondCancelAndTimeoutAlwaysHaveExactlyOneWinnerAndOneEvent() throws Exception {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            ids.add(createdId(caller, SMS_PAUSE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Map<String, Integer> httpWins = new HashMap<>();
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
                CompletableFuture<Integer> sweep = race(pool, start, () -> transitions.timeOutExpired(50));
                start.countDown();
                int wins = (respond.get().status() == 200 ? 1 : 0) + (cancel.get().status() == 200 ? 1 : 0);
                sweep.get();
                httpWins.put(id, wins);
            }
        } finally {
            pool.shutdown();
        }
        // A pause nobody won in its instant is still pending; the background sweeper ends it.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM pause WHERE developer_id = ? AND status = 'pending'")
                .param(caller.developerId()).query(Integer.class).single() == 0);

        Map<String, String> statuses = jdbc.sql("SELECT id, status FROM pause WHERE developer_id = ?")
                .param(caller.developerId()).query((row, n) -> Map.entry(row.getString(1), row.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<String> ours = new HashSet<>(ids);
        List<Event> terminal = EventReader.readFenced(Topics.PAUSE_EVENTS, event ->
                (event instanceof PauseResponded r && ours.contains(r.pauseId()))
                        || (event instanceof PauseCancelled c && ours.contains(c.pauseId()))
                        || (event instanceof PauseTimedOut t && ours.contains(t.pauseId())));
        Map<String, List<String>> eventsByPause = terminal.stream().collect(Collectors.groupingBy(
                event -> ((dev.pausepoint.events.pause.PauseEvent) event).pauseId(),
                Collectors.mapping(event -> event.getClass().getSimpleName(), Collectors.toList())));

        Map<String, Long> outcomes = statuses.values().stream()
                .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        System.out.println("race outcomes over " + TRIALS + " trials: " + outcomes);
        assertThat(outcomes).as("each of the three won some trials").containsKeys("responded", "cancelled", "timed_out");
        for (String id : ids) {
            String status = statuses.get(id);
            assertThat(eventsByPause.get(id)).as("events of %s (%s)", id, status).containsExactly(switch (status) {
                case "responded" -> "PauseResponded";
                case "cancelled" -> "PauseCancelled";
                case "timed_out" -> "PauseTimedOut";
                default -> throw new AssertionError(id + " ended " + status);
            });
            assertThat(httpWins.get(id)).as("callers told they won %s", id).isLessThanOrEqualTo(1);
            if (status.equals("timed_out")) {
                assertThat(httpWins.get(id)).isZero();
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
