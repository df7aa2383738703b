package dev.pausepoint.pause.longpoll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ?wait=N} here: validated, then answered at once whatever the pause's state, since the gateway
 * holds the wait (its {@code longpoll} tests prove the parking and the wake-up).
 */
class LongPollApiTest extends PauseApiTest {

    /** Far below the 30 s wait a request parked here would take. */
    static final Duration AT_ONCE = Duration.ofSeconds(5);

    @Test
    void aPendingPauseIsAnsweredAtOnceEvenWithTheLongestWait() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        long asked = System.nanoTime();
        Reply reply = client.get("/v1/pause/" + id + "?wait=30", caller);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("not parked here").isLessThan(AT_ONCE);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asString()).isEqualTo("pending");
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
}
