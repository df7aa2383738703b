package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.systemtests.Http.Reply;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Response links through the real gateway, response-service and pause-service. */
@Order(5)
class ResponseSystemTest {

    @Test
    void twentyConcurrentAnswersToOneLinkRecordExactlyOne() throws Exception {
        RespondedPause pause = RespondedPause.create();
        String[] choices = {"Approve", "Reject", "Ask me later"};
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Reply> ok = new ArrayList<>();
        List<Reply> used = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String choice = choices[i % choices.length];
                replies.add(pool.submit(() -> {
                    start.await();
                    return Http.postJson("/v1/respond/" + pause.token(), "{\"choice\": \"" + choice + "\"}");
                }));
            }
            start.countDown();
            for (Future<Reply> future : replies) {
                Reply reply = future.get();
                (reply.status() == 200 ? ok : used).add(reply);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ok).hasSize(1);
        String winner = ok.get(0).json().get("choice").asString();
        assertThat(used).hasSize(19).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(410);
            assertThat(reply.json().get("error").asString()).isEqualTo("TOKEN_USED");
            assertThat(reply.json().get("choice").asString()).isEqualTo(winner);
        });
        assertThat(pause.current().get("response_choice").asString()).isEqualTo(winner);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pause.audit("pause.responded")).hasSize(1));
    }

    @Test
    void anEmailButtonOpenedByAScannerChangesNothing() {
        RespondedPause pause = RespondedPause.create();
        String path = "/respond/" + pause.token() + "?choice=Approve";
        Reply opened = Http.get(path);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains("Confirm: Approve");
        assertThat(Http.send("HEAD", path, BodyPublishers.noBody()).status()).isEqualTo(200);
        assertThat(Http.get("/v1/respond/" + pause.token()).json().get("status").asString()).isEqualTo("pending");
        assertThat(pause.current().get("status").asString()).isEqualTo("pending");
    }

    @Test
    void aLinkOfACancelledPauseSaysItIsNoLongerNeeded() {
        RespondedPause pause = RespondedPause.create();
        assertThat(Developer.as(pause.developer().test(), "DELETE", "/v1/pause/" + pause.pauseId(), null).status())
                .isEqualTo(200);
        assertThat(Http.get("/respond/" + pause.token()).body()).contains("No longer needed");
        Reply refused = Http.postJson("/v1/respond/" + pause.token(), "{\"choice\": \"Approve\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asString()).isEqualTo("ALREADY_CANCELLED");
    }

    @Test
    void aTamperedLinkIsInvalidThroughTheGateway() {
        RespondedPause pause = RespondedPause.create();
        String token = pause.token();
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        Reply reply = Http.get("/v1/respond/" + tampered);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asString()).isEqualTo("INVALID_TOKEN");
        assertThat(Http.get("/respond/" + tampered).body()).contains("This link is not valid");
    }
}
