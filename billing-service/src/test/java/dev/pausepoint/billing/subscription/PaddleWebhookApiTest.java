package dev.pausepoint.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.billing.BillingApiTest;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.account.PlanChanged;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.testsupport.PaddleNotifications;
import dev.pausepoint.testsupport.PaddleNotifications.Notification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PaddleWebhookApiTest extends BillingApiTest {

    @Autowired
    JdbcClient jdbc;

    /** One developer's Paddle subscription, and the notifications Paddle sends about it. */
    private final class Subscriber {
        final Account account = register();
        final String subscriptionId = "sub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);
        final Instant periodStart = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3));
        final Instant periodEnd = periodStart.plus(Duration.ofDays(30));

        Map<String, String> values(String priceId, Instant occurredAt) {
            return PaddleNotifications.values(account.developerId(), subscriptionId, priceId, occurredAt, periodStart,
                    periodEnd);
        }

        /** Paddle's notification of {@code type}, occurring now, signed now. */
        Reply notify(String type, String priceId) {
            return post(PaddleNotifications.signed(PaddleNotifications.body(type, values(priceId, clock.instant())),
                    PaddleNotifications.SECRET, clock.instant()));
        }

        String plan() {
            return jdbc.sql("SELECT plan FROM developer WHERE id = ?").param(account.developerId()).query(String.class).single();
        }

        List<PlanChanged> planChanges() {
            return EventReader.readFenced(Topics.ACCOUNT_EVENTS, event -> event instanceof PlanChanged changed
                    && changed.developerId().equals(account.developerId())).stream().map(PlanChanged.class::cast).toList();
        }

        Reply subscription() {
            return client.get("/v1/billing/subscription", account.live());
        }
    }

    private Reply post(Notification notification) {
        return client.send("POST", "/v1/billing/webhook", "application/json", notification.body(), ANONYMOUS,
                "Paddle-Signature", notification.signature());
    }

    private static void assertOutcome(Reply reply, String outcome) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("outcome").asString()).isEqualTo(outcome);
    }

    private static List<String> moves(List<PlanChanged> changes) {
        return changes.stream().map(change -> change.previousPlan() + "->" + change.plan()).toList();
    }

    @Test
    void aNewSubscriptionUpgradesTheDeveloperAndAnnouncesIt() {
        Subscriber subscriber = new Subscriber();
        assertOutcome(subscriber.notify("subscription.created", STARTER_PRICE), "applied");

        assertThat(subscriber.plan()).isEqualTo("starter");
        assertThat(moves(subscriber.planChanges())).containsExactly("free->starter");
        Reply me = client.get("/v1/auth/me", subscriber.account.live());
        assertThat(me.json().get("plan").asString()).isEqualTo("starter");
        assertThat(me.json().get("usage").get("pauses_limit").asInt()).isEqualTo(500);
        Reply subscription = subscriber.subscription();
        assertThat(subscription.status()).isEqualTo(200);
        assertThat(subscription.json().get("plan").asString()).isEqualTo("starter");
        assertThat(subscription.json().get("status").asString()).isEqualTo("active");
        assertThat(subscription.json().get("current_period_end").asString()).isEqualTo(subscriber.periodEnd.toString());
        assertThat(subscription.json().get("paddle_subscription_id").asString()).isEqualTo(subscriber.subscriptionId);
        assertThat(subscription.json().get("paddle_customer_id").asString()).startsWith("ctm_");

        // activated for the same price changes nothing more
        assertOutcome(subscriber.notify("subscription.activated", STARTER_PRICE), "applied");
        assertThat(moves(subscriber.planChanges())).containsExactly("free->starter");
    }

    @Test
    void anUpdateToAnotherPriceChangesThePlan() {
        Subscriber subscriber = new Subscriber();
        subscriber.notify("subscription.created", STARTER_PRICE);
        clock.freeze();
        clock.advance(Duration.ofSeconds(1));
        assertOutcome(subscriber.notify("subscription.updated", PRO_PRICE), "applied");
        assertThat(subscriber.plan()).isEqualTo("pro");
        assertThat(moves(subscriber.planChanges())).containsExactly("free->starter", "starter->pro");
        assertThat(subscriber.subscription().json().get("scheduled_change").asString()).isEqualTo("cancel");
    }

    @Test
    void pastDueKeepsThePlanAndShowsTheStatus() {
        Subscriber subscriber = new Subscriber();
        subscriber.notify("subscription.created", PRO_PRICE);
        clock.freeze();
        clock.advance(Duration.ofSeconds(1));
        assertOutcome(subscriber.notify("subscription.past_due", PRO_PRICE), "applied");
        assertThat(subscriber.plan()).isEqualTo("pro");
        assertThat(subscriber.subscription().json().get("status").asString()).isEqualTo("past_due");
        assertThat(moves(subscriber.planChanges())).containsExactly("free->pro");
    }

    @Test
    void aCancellationKeepsThePlanUntilTheEndOfThePaidPeriodThenReturnsToFree() {
        Subscriber subscriber = new Subscriber();
        subscriber.notify("subscription.created", PRO_PRICE);
        clock.freeze();
        clock.advance(Duration.ofSeconds(1));
        assertOutcome(subscriber.notify("subscription.canceled", PRO_PRICE), "applied");
        assertThat(subscriber.plan()).as("paid until " + subscriber.periodEnd).isEqualTo("pro");
        Reply subscription = subscriber.subscription();
        assertThat(subscription.json().get("status").asString()).isEqualTo("canceled");
        assertThat(subscription.json().get("plan_ends_at").asString()).isEqualTo(subscriber.periodEnd.toString());

        clock.advance(Duration.between(clock.instant(), subscriber.periodEnd).plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(subscriber.plan()).isEqualTo("free"));
        assertThat(moves(subscriber.planChanges())).containsExactly("free->pro", "pro->free");
        assertThat(subscriber.subscription().json().get("plan_ends_at").isNull()).isTrue();
    }

    @Test
    void aCancellationAtTheEndOfThePeriodReturnsToFreeAtOnce() {
        Subscriber subscriber = new Subscriber();
        subscriber.notify("subscription.created", STARTER_PRICE);
        clock.freeze();
        clock.advance(Duration.between(clock.instant(), subscriber.periodEnd));
        assertOutcome(subscriber.notify("subscription.canceled", STARTER_PRICE), "applied");
        assertThat(subscriber.plan()).isEqualTo("free");
        assertThat(moves(subscriber.planChanges())).containsExactly("free->starter", "starter->free");
    }

    @Test
    void aReplayedEventIsAcknowledgedAndChangesNothing() {
        Subscriber subscriber = new Subscriber();
        Notification created = PaddleNotifications.signed(PaddleNotifications.body("subscription.created",
                subscriber.values(STARTER_PRICE, clock.instant())), PaddleNotifications.SECRET, clock.instant());
        assertOutcome(post(created), "applied");
        jdbc.sql("UPDATE developer SET plan = 'pro' WHERE id = ?").param(subscriber.account.developerId()).update();
        assertOutcome(post(created), "duplicate");
        assertThat(subscriber.plan()).as("not applied a second time").isEqualTo("pro");
        assertThat(moves(subscriber.planChanges())).containsExactly("free->starter");
    }

    @Test
    void anEventOlderThanTheLastAppliedOneChangesNothing() {
        Subscriber subscriber = new Subscriber();
        Instant earlier = clock.instant().minus(Duration.ofMinutes(1));
        subscriber.notify("subscription.created", PRO_PRICE);
        // Paddle delivers an older update (to starter) late: the newer state stands.
        Notification late = PaddleNotifications.signed(PaddleNotifications.body("subscription.updated",
                subscriber.values(STARTER_PRICE, earlier)), PaddleNotifications.SECRET, clock.instant());
        assertOutcome(post(late), "stale");
        assertThat(subscriber.plan()).isEqualTo("pro");
        assertThat(subscriber.subscription().json().get("scheduled_change").isNull()).isTrue();
    }

    @Test
    void unverifiableNotificationsAreRefusedAndChangeNothing() {
        Subscriber subscriber = new Subscriber();
        String body = PaddleNotifications.body("subscription.created", subscriber.values(PRO_PRICE, clock.instant()));
        Notification forged = PaddleNotifications.signed(body, "pdl_ntfset_not_ours", clock.instant());
        Notification stale = PaddleNotifications.signed(body, PaddleNotifications.SECRET,
                clock.instant().minus(Duration.ofMinutes(6)));
        Notification signed = PaddleNotifications.signed(body, PaddleNotifications.SECRET, clock.instant());
        Notification altered = new Notification(body.replace(PRO_PRICE, STARTER_PRICE), signed.signature());
        Notification unsigned = new Notification(body, "");

        for (Notification refused : List.of(forged, stale, altered, unsigned)) {
            Reply reply = post(refused);
            assertThat(reply.status()).as(refused.signature()).isEqualTo(401);
            assertThat(reply.json().get("error").asString()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(reply.json().get("message").asString()).startsWith("Paddle-Signature");
        }
        assertThat(subscriber.plan()).isEqualTo("free");
        assertThat(jdbc.sql("SELECT count(*) FROM subscription WHERE developer_id = ?")
                .param(subscriber.account.developerId()).query(Integer.class).single()).isZero();
        assertThat(subscriber.planChanges()).isEmpty();
    }

    @Test
    void eventsThatNameNoKnownDeveloperOrPriceOrAreNotAboutSubscriptionsAreAcknowledgedAndIgnored() {
        Subscriber subscriber = new Subscriber();
        Map<String, String> stranger = PaddleNotifications.values("dev_" + UUID.randomUUID(), "sub_stranger"
                + UUID.randomUUID().toString().substring(0, 8), STARTER_PRICE, clock.instant(), subscriber.periodStart,
                subscriber.periodEnd);
        assertOutcome(post(PaddleNotifications.signed(PaddleNotifications.body("subscription.created", stranger),
                PaddleNotifications.SECRET, clock.instant())), "ignored");
        assertOutcome(subscriber.notify("subscription.created", "pri_not_configured"), "ignored");
        assertOutcome(subscriber.notify("transaction.completed", STARTER_PRICE), "ignored");
        assertThat(subscriber.plan()).isEqualTo("free");
        assertThat(subscriber.subscription().json().get("status").isNull()).isTrue();
    }
}
