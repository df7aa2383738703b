package dev.pausepoint.dashboard.pauses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.dashboard.audit.AuditApi.Entry;
import dev.pausepoint.dashboard.pauses.PausesApi.Deliveries;
import dev.pausepoint.dashboard.pauses.PausesApi.Delivery;
import dev.pausepoint.dashboard.pauses.PausesApi.Notification;
import dev.pausepoint.dashboard.pauses.PausesApi.Pause;
import dev.pausepoint.dashboard.pauses.PausesApi.WebhookAttempt;
import dev.pausepoint.dashboard.pauses.Timeline.Event;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TimelineTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Pause pause(String status, String choice, String text, Instant responseAt, Instant cancelledAt) {
        return new Pause("psr_1", status, true, "sms", "+14155550123", "Deploy?", List.of("Yes", "No"), true, "No",
                null, CREATED, CREATED.plusSeconds(3600), choice, text, responseAt, cancelledAt,
                new Delivery("delivered", 2, null, CREATED.plusSeconds(40), null), null);
    }

    @Test
    void everythingThatHappenedToAPauseIsInTimeOrderWithWhoAnswered() {
        Deliveries deliveries = new Deliveries(List.of(
                new Notification("sms", 1, "failed", null, "Twilio 503", CREATED.plusSeconds(1), CREATED.plusSeconds(1)),
                new Notification("sms", 2, "delivered", "SM1", null, CREATED.plusSeconds(31), CREATED.plusSeconds(40))),
                List.of(new WebhookAttempt("wdl_1", "whk_1", "https://example.com/hook", "evt_1", "pause.responded", 1, 200,
                        null, 35L, null, CREATED.plusSeconds(121))));
        List<Entry> audit = List.of(new Entry("aud_2", "dev_1", "psr_1", "pause.responded", "human",
                JSON.readTree("{\"choice\":\"Yes\",\"user_agent\":\"Pixel 8\"}"), "198.51.100.7", CREATED.plusSeconds(120)),
                new Entry("aud_1", "dev_1", "psr_1", "pause.created", "developer", JSON.readTree("{}"), "203.0.113.9",
                        CREATED));
        List<Event> events = Timeline.of(pause("responded", "Yes", "after lunch", CREATED.plusSeconds(120), null),
                deliveries, audit);
        assertThat(events).extracting(Event::title).containsExactly("Created", "SMS failed",
                "SMS delivered (attempt 2)", "Answered \u201cYes\u201d", "Webhook pause.responded to https://example.com/hook");
        assertThat(events.get(0).detail()).contains("from 203.0.113.9");
        assertThat(events.get(1).detail()).isEqualTo("Twilio 503");
        assertThat(events.get(1).tone()).isEqualTo("bad");
        assertThat(events.get(3).detail()).contains("198.51.100.7").contains("Pixel 8").contains("after lunch");
        assertThat(events.get(4).detail()).isEqualTo("HTTP 200 in 35 ms");
        assertThat(events.get(4).tone()).isEqualTo("ok");
    }

    @Test
    void anAnswerWhoseAuditEntryHasNotArrivedIsShownWithoutWho() {
        List<Event> events = Timeline.of(pause("responded", "Yes", null, CREATED.plusSeconds(5), null),
                new Deliveries(List.of(), List.of()), List.of());
        assertThat(events).extracting(Event::title).containsExactly("Created", "Answered \u201cYes\u201d");
        assertThat(events.get(1).detail()).isEqualTo("Answered.");
    }

    @Test
    void aTimeoutSaysWhetherTheDefaultWasRecordedAndACancelSaysSo() {
        assertThat(Timeline.of(pause("timed_out", "No", null, CREATED.plusSeconds(3600), null),
                new Deliveries(List.of(), List.of()), List.of()).get(1).detail()).contains("the default \u201cNo\u201d");
        assertThat(Timeline.of(pause("timed_out", null, null, null, null), new Deliveries(List.of(), List.of()),
                List.of()).get(1).detail()).contains("no default");
        assertThat(Timeline.of(pause("cancelled", null, null, null, CREATED.plusSeconds(9)),
                new Deliveries(List.of(), List.of()), List.of())).extracting(Event::title)
                .containsExactly("Created", "Cancelled");
    }

    @Test
    void aWebhookThatDidNotAnswerIsBadWithItsNextAttempt() {
        List<Event> events = Timeline.of(pause("cancelled", null, null, null, CREATED.plusSeconds(9)),
                new Deliveries(List.of(), List.of(new WebhookAttempt("wdl_1", "whk_1", "https://example.com/h", "evt_1",
                        "pause.cancelled", 2, null, "connect timed out", 10_000L, CREATED.plusSeconds(400),
                        CREATED.plusSeconds(100)))), List.of());
        Event webhook = events.get(events.size() - 1);
        assertThat(webhook.tone()).isEqualTo("bad");
        assertThat(webhook.title()).endsWith("(attempt 2)");
        assertThat(webhook.detail()).isEqualTo("no answer in 10000 ms: connect timed out. Next attempt at "
                + CREATED.plusSeconds(400) + ".");
    }
}
