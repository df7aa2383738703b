package dev.pausepoint.events.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.events.Event;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The two ways a notification counts as sent, each named, so no caller lines up nulls by position. */
class NotificationSentTest {

    private static final Instant AT = Instant.parse("2026-11-25T16:00:01Z");

    @Test
    void anAcceptedMessageNamesTheProvidersIdAndRendersNothing() {
        NotificationSent sent = NotificationSent.accepted("evt_1", AT, "psr_1", "dev_1", true, "sms", 2, "SM123");

        assertThat(sent).isEqualTo(new NotificationSent("evt_1", AT, Event.SCHEMA_VERSION, "psr_1", "dev_1", true,
                "sms", 2, "SM123", false, null));
    }

    @Test
    void aSandboxMessageWasNeverAttemptedAndCarriesWhatWouldHaveGoneOut() {
        NotificationSent sent = NotificationSent.sandbox("evt_2", AT, "psr_2", "dev_2", "email", "Subject: ...");

        assertThat(sent).isEqualTo(new NotificationSent("evt_2", AT, Event.SCHEMA_VERSION, "psr_2", "dev_2", false,
                "email", 0, null, true, "Subject: ..."));
    }
}
