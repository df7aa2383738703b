package dev.pausepoint.delivery.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** docs/api-reference.md, "Delivery timeline": what each send of a notification shows, by its outcome. */
class NotificationAttemptViewTest {

    private static final Instant CREATED = Instant.parse("2026-11-25T09:30:00Z");
    private static final Instant FIRST = CREATED.plusSeconds(1);
    private static final Instant NEXT = CREATED.plusSeconds(31);
    private static final Instant UPDATED = CREATED.plusSeconds(90);

    private static NotificationAttemptView.Standing standing(String status, int attempts, String lastError) {
        return new NotificationAttemptView.Standing("sms", status, attempts, status.equals("pending") ? null : "SM1",
                lastError, status.equals("pending") ? NEXT : null, CREATED, UPDATED);
    }

    @Test
    void aRefusedSendIsFailedWithTheProvidersReasonAndNoNextAttemptOnceGivenUp() {
        NotificationAttemptView view = NotificationAttemptView.of(standing("failed", 1, "Twilio answered 400"), 1, 400,
                "Twilio answered 400", 12, FIRST);

        assertThat(view).isEqualTo(new NotificationAttemptView("sms", 1, "failed", null, 400, "Twilio answered 400",
                12L, null, FIRST, FIRST));
    }

    @Test
    void onlyTheLatestFailedSendOfANotificationStillPendingShowsTheNextAttempt() {
        NotificationAttemptView.Standing pending = standing("pending", 2, "Twilio answered 503");

        assertThat(NotificationAttemptView.of(pending, 2, 503, "Twilio answered 503", 5, FIRST).nextAttemptAt())
                .isEqualTo(NEXT);
        assertThat(NotificationAttemptView.of(pending, 1, 503, "Twilio answered 503", 5, FIRST).nextAttemptAt())
                .isNull();
    }

    @Test
    void anAcceptedSendIsSentWithTheProvidersIdUntilReported() {
        NotificationAttemptView view = NotificationAttemptView.of(standing("sent", 1, null), 1, 201, null, 80, FIRST);

        assertThat(view).isEqualTo(new NotificationAttemptView("sms", 1, "sent", "SM1", 201, null, 80L, null, FIRST,
                FIRST));
    }

    @Test
    void aReportMovesTheAcceptedSendToDeliveredOrFailedAtTheReportsTime() {
        NotificationAttemptView delivered = NotificationAttemptView.of(standing("delivered", 1, null), 1, 201, null, 80,
                FIRST);
        NotificationAttemptView failed = NotificationAttemptView.of(standing("failed", 1,
                "Twilio reported undelivered (error 30003)"), 1, 201, null, 80, FIRST);

        assertThat(delivered.status()).isEqualTo("delivered");
        assertThat(delivered.error()).isNull();
        assertThat(delivered.statusAt()).isEqualTo(UPDATED);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.error()).isEqualTo("Twilio reported undelivered (error 30003)");
        assertThat(failed.providerMessageId()).isEqualTo("SM1");
        assertThat(failed.statusAt()).isEqualTo(UPDATED);
        assertThat(failed.createdAt()).isEqualTo(FIRST);
    }

    @Test
    void aTestPausesNotificationIsOneSandboxEntryWithoutAnAttempt() {
        NotificationAttemptView view = NotificationAttemptView.sandbox(standing("sandbox", 0, null));

        assertThat(view.status()).isEqualTo("sandbox");
        assertThat(view.attempt()).isNull();
        assertThat(view.providerMessageId()).isNull();
        assertThat(view.createdAt()).isEqualTo(CREATED);
        assertThat(view.statusAt()).isEqualTo(CREATED);
    }

    @Test
    void aTestRecipientThatFailsDeliveryIsOneFailedEntryWithItsError() {
        NotificationAttemptView view = NotificationAttemptView.sandbox(
                standing("failed", 0, "test recipient: simulated delivery failure"));

        assertThat(view.status()).isEqualTo("failed");
        assertThat(view.error()).isEqualTo("test recipient: simulated delivery failure");
        assertThat(view.attempt()).isNull();
        assertThat(view.createdAt()).isEqualTo(CREATED);
        assertThat(view.statusAt()).isEqualTo(UPDATED);
    }
}
