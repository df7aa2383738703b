package dev.pausepoint.pause.longpoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The per-instance cap on parked long-polls, set low here so the test can pass it (the default
 * follows the heap; the system test parks past the real default on a 192 MB service).
 */
@TestPropertySource(properties = {"pausepoint.long-poll.max-waiters=" + LongPollCapacityApiTest.CAP,
        "pausepoint.long-poll.retry-after=3s"})
class LongPollCapacityApiTest extends PauseApiTest {

    static final int CAP = 20;

    @Autowired
    PauseWaiters waiters;

    @Autowired
    PauseChangeSubscriber subscriber;

    @Autowired
    MeterRegistry meters;

    @Test
    void pastTheCapALongPollIsRefusedWith503AndEveryoneElseIsStillServed() throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(subscriber::listening);
        CallerIdentity flooder = developer("free", KeyMode.TEST);
        CallerIdentity other = developer("free", KeyMode.LIVE);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CAP + 5; i++) {
            ids.add(createdId(flooder, SMS_PAUSE));
        }
        ExecutorService clients = Executors.newFixedThreadPool(CAP + 5);
        List<CompletableFuture<Reply>> polls = new ArrayList<>();
        for (String id : ids) {
            polls.add(CompletableFuture.supplyAsync(() -> client.get("/v1/pause/" + id + "?wait=30", flooder), clients));
        }
        List<Reply> refused = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            refused.clear();
            polls.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).forEach(refused::add);
            return refused.size() == 5 && waiters.count() == CAP;
        });
        assertThat(meters.get("pausepoint.longpoll.waiters").gauge().value()).isEqualTo(CAP);
        assertThat(meters.get("pausepoint.longpoll.capacity").gauge().value()).isEqualTo(CAP);
        for (Reply reply : refused) {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.header("Retry-After")).isEqualTo("3");
            assertThat(reply.json().get("error").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(reply.json().get("status_code").asInt()).isEqualTo(503);
            assertThat(reply.json().get("message").asString()).contains("maximum of " + CAP + " waiting requests");
        }

        // The instance is full of waiters and still serves everyone: creates, reads, lists, a finished
        // pause's long-poll (nothing to wait for), and its own waiters' answers.
        String othersPause = createdId(other, SMS_PAUSE);
        assertThat(client.get("/v1/pause/" + othersPause, other).json().get("status").asString()).isEqualTo("pending");
        assertThat(client.get("/v1/pause", other).status()).isEqualTo(200);
        client.send("DELETE", "/v1/pause/" + othersPause, null, null, other);
        assertThat(client.get("/v1/pause/" + othersPause + "?wait=30", other).json().get("status").asString())
                .isEqualTo("cancelled");
        assertThat(client.get("/v1/pause/" + createdId(other, SMS_PAUSE) + "?wait=30", other).status())
                .as("a long-poll that would wait is refused while full").isEqualTo(503);

        for (String id : ids) {
            respond(id);
        }
        long answered = polls.stream().map(CompletableFuture::join)
                .filter(reply -> reply.status() == 200 && reply.json().get("status").asString().equals("responded"))
                .count();
        clients.shutdown();
        assertThat(answered).as("every parked waiter was answered").isEqualTo(CAP);
        assertThat(waiters.count()).isZero();
        String next = createdId(other, SMS_PAUSE);
        CompletableFuture<Reply> parksAgain = CompletableFuture.supplyAsync(
                () -> client.get("/v1/pause/" + next + "?wait=30", other));
        await().atMost(Duration.ofSeconds(5)).until(() -> waiters.count() == 1);
        respond(next);
        assertThat(parksAgain.get().json().get("status").asString()).isEqualTo("responded");
    }

    @Test
    void waitersWhoseClientsHungUpAreGoneWithinTheirWaitAndFreeTheirPlaces() throws Exception {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        // Twice: the second round can only fill the whole cap if the first gave every place back.
        for (int round = 1; round <= 2; round++) {
            List<RawHttpConnection> connections = new ArrayList<>();
            for (int i = 0; i < CAP; i++) {
                connections.add(park(id, 3, caller));
            }
            await("round " + round + " parked").atMost(Duration.ofSeconds(10)).until(() -> waiters.count() == CAP);
            for (RawHttpConnection connection : connections) {
                connection.close();
            }
            // Tomcat does not read the socket of a parked request, so the hang-up itself goes unnoticed;
            // the waiter must still go when its 3 s wait ends, and leave its place behind.
            await("round " + round + " gone").atMost(Duration.ofSeconds(10)).until(() -> waiters.count() == 0);
        }
    }

    /** A signed long-poll on a raw connection, left unread so that closing it is a hang-up. */
    private RawHttpConnection park(String pauseId, int waitSeconds, CallerIdentity caller) {
        String path = "/v1/pause/" + pauseId;
        StringBuilder request = new StringBuilder("GET " + path + "?wait=" + waitSeconds + " HTTP/1.1\r\nHost: localhost\r\n");
        signer.signIdentity(caller, "GET", path)
                .forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return RawHttpConnection.openWith(port, request.append("\r\n").toString());
    }
}
