package dev.pausepoint.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.billing.BillingApiTest;
import dev.pausepoint.kit.SignedClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class UsageApiTest extends BillingApiTest {

    @Autowired
    JdbcClient jdbc;

    private Reply reserve(String developerId, String pauseId) {
        return client.internalPost("/internal/usage/reserve",
                "{\"developer_id\":\"" + developerId + "\",\"pause_id\":\"" + pauseId + "\"}", "pause-service");
    }

    private Reply release(String pauseId) {
        return client.internalPost("/internal/usage/release", "{\"pause_id\":\"" + pauseId + "\"}", "pause-service");
    }

    private static String pauseId() {
        return "psr_" + UUID.randomUUID();
    }

    @Test
    void aReservationCountsOncePerPauseHoweverOftenItIsRetried() {
        Account account = register();
        String pause = pauseId();
        assertThat(reserve(account.developerId(), pause).json().get("pauses_used").asInt()).isEqualTo(1);
        assertThat(reserve(account.developerId(), pause).json().get("pauses_used").asInt()).isEqualTo(1);
        assertThat(reserve(account.developerId(), pauseId()).json().get("pauses_used").asInt()).isEqualTo(2);
        assertThat(client.get("/v1/auth/me", account.live()).json().get("usage").get("pauses_used").asInt()).isEqualTo(2);
    }

    @Test
    void aHundredConcurrentReservationsAgainstAQuotaOfFiftyGiveExactlyFifty() {
        Account account = register();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            replies.add(CompletableFuture.supplyAsync(() -> reserve(account.developerId(), pauseId()), pool));
        }
        List<Integer> statuses = replies.stream().map(CompletableFuture::join).map(Reply::status).toList();
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(50);
        assertThat(statuses.stream().filter(s -> s == 402)).hasSize(50);
        assertThat(client.get("/v1/auth/me", account.live()).json().get("usage").get("pauses_used").asInt()).isEqualTo(50);
        assertThat(jdbc.sql("SELECT count(*) FROM usage_reservation WHERE developer_id = ?").param(account.developerId())
                .query(Integer.class).single()).as("refused reservations leave nothing").isEqualTo(50);
    }

    @Test
    void theRefusalNamesTheLimitAndTheNextPlan() {
        Account account = register();
        for (int i = 0; i < 50; i++) {
            reserve(account.developerId(), pauseId());
        }
        Reply refused = reserve(account.developerId(), pauseId());
        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.body()).isEqualTo("{\"error\":\"PLAN_LIMIT_REACHED\",\"message\":\"Monthly pause limit of 50 "
                + "reached. Upgrade to Starter for 500 pauses/month.\",\"status_code\":402}");
    }

    @Test
    void aReleasedSlotCanBeUsedAgainOnce() {
        Account account = register();
        List<String> pauses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pauses.add(pauseId());
            reserve(account.developerId(), pauses.get(i));
        }
        assertThat(release(pauses.get(0)).status()).isEqualTo(200);
        assertThat(release(pauses.get(0)).status()).as("a second release is a no-op").isEqualTo(200);
        assertThat(reserve(account.developerId(), pauseId()).status()).isEqualTo(200);
        assertThat(reserve(account.developerId(), pauseId()).status()).isEqualTo(402);
    }

    @Test
    void anUnlimitedPlanNeverRefuses() {
        Account account = register();
        jdbc.sql("UPDATE developer SET plan = 'enterprise' WHERE id = ?").param(account.developerId()).update();
        Reply reply = null;
        for (int i = 0; i < 60; i++) {
            reply = reserve(account.developerId(), pauseId());
            assertThat(reply.status()).isEqualTo(200);
        }
        assertThat(reply.json().get("pauses_used").asInt()).isEqualTo(60);
        assertThat(reply.json().get("pauses_limit").isNull()).isTrue();
    }
}
