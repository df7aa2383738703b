package dev.pausepoint.events;

import dev.pausepoint.events.account.ApiKeyRotated;
import dev.pausepoint.events.account.DeveloperRegistered;
import dev.pausepoint.events.account.PlanChanged;
import dev.pausepoint.events.delivery.NotificationDelivered;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.delivery.NotificationSent;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.events.pause.PauseEscalated;
import dev.pausepoint.events.pause.PauseReminded;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.events.webhook.WebhookCreated;
import dev.pausepoint.events.webhook.WebhookDeleted;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One example of every event, equal field for field to the golden fixtures in {@code fixtures/}.
 * Shared with the services' tests through this module's test jar.
 */
public final class EventMother {

    public static final String DEVELOPER = "dev_1a2b3c4d-0000-4000-8000-000000000001";
    public static final String PAUSE = "psr_6f1d2c1a-0d7e-4c55-8a8e-2b5b1c9d3e01";

    private EventMother() {
    }

    private static String evt(int n) {
        return "evt_0b9e7c1e-4c1b-4f43-9a4e-1f0c5f6f2a" + String.format("%02d", n);
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    public static PauseCreated pauseCreated() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("run_id", "r-42");
        metadata.put("attempt", 2);
        metadata.put("tags", List.of("deploy", "prod"));
        metadata.put("dry_run", false);
        return new PauseCreated(evt(1), at("2026-11-25T16:00:00Z"), 1, PAUSE, DEVELOPER, true, "sms",
                "+14155550123", "Deploy v2.3 to production?", List.of("Approve", "Reject"), true, "Reject", metadata,
                "https://pausepoint.example/respond/eyJwIjoicHNyXzZmMWQifQ.c2lnbmF0dXJl",
                at("2026-11-26T16:00:00Z"), "203.0.113.7", "deploy-bot 🚀", "Acme Robotics");
    }

    public static PauseResponded pauseResponded() {
        return new PauseResponded(evt(2), at("2026-11-25T16:05:00Z"), 1, PAUSE, DEVELOPER, true, "Approve",
                "Go ahead, but watch the error rate.", at("2026-11-25T16:05:00Z"), Map.of("run_id", "r-42"),
                "198.51.100.23", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)");
    }

    public static PauseTimedOut pauseTimedOut() {
        return new PauseTimedOut(evt(3), at("2026-11-26T16:00:01Z"), 1, "psr_6f1d2c1a-0d7e-4c55-8a8e-2b5b1c9d3e02",
                DEVELOPER, false, null, at("2026-11-26T16:00:00Z"), null);
    }

    public static PauseCancelled pauseCancelled() {
        return new PauseCancelled(evt(4), at("2026-11-25T16:02:00Z"), 1, "psr_6f1d2c1a-0d7e-4c55-8a8e-2b5b1c9d3e03",
                DEVELOPER, true, at("2026-11-25T16:02:00Z"), Map.of("run_id", "r-43"), "203.0.113.7");
    }

    public static PauseReminded pauseReminded() {
        return new PauseReminded(evt(13), at("2026-11-25T16:10:00Z"), 1, PAUSE, DEVELOPER, true, 1, 1, "sms",
                "+14155550123", "Deploy v2.3 to production?", List.of("Approve", "Reject"),
                "https://pausepoint.example/respond/eyJwIjoicHNyXzZmMWQifQ.c2lnbmF0dXJl", at("2026-11-26T16:00:00Z"),
                Map.of("run_id", "r-42"), "Reject", "deploy-bot", "Acme Robotics");
    }

    public static PauseEscalated pauseEscalated() {
        return new PauseEscalated(evt(14), at("2026-11-25T16:30:00Z"), 1, PAUSE, DEVELOPER, true, 2, 1, "email",
                "oncall@example.com", "Deploy v2.3 to production?", List.of("Approve", "Reject"),
                "https://pausepoint.example/respond/AgEfYzZmMWQyYzFhMGQ3ZTRjNTUB.c2lnbmF0dXJlMg", at("2026-11-26T16:00:00Z"),
                null, null, null, null);
    }

    public static NotificationSent notificationSent() {
        return new NotificationSent(evt(5), at("2026-11-25T16:00:01Z"), 1, "psr_6f1d2c1a-0d7e-4c55-8a8e-2b5b1c9d3e02",
                DEVELOPER, false, "email", 1, null, true,
                "Subject: Action required from your AI agent\n\nDeploy v2.3 to production?");
    }

    public static NotificationDelivered notificationDelivered() {
        return new NotificationDelivered(evt(6), at("2026-11-25T16:00:04Z"), 1, PAUSE, DEVELOPER, true, "sms",
                "SM0123456789abcdef0123456789abcdef");
    }

    public static NotificationFailed notificationFailed() {
        return new NotificationFailed(evt(7), at("2026-11-25T16:40:00Z"), 1, "psr_6f1d2c1a-0d7e-4c55-8a8e-2b5b1c9d3e04",
                DEVELOPER, true, "slack", 4, "Slack answered 404 no_service");
    }

    public static DeveloperRegistered developerRegistered() {
        return new DeveloperRegistered(evt(8), at("2026-11-25T15:00:00Z"), 1, DEVELOPER, "ada@example.com",
                "Ada Lovelace", "free", "203.0.113.7");
    }

    public static ApiKeyRotated apiKeyRotated() {
        return new ApiKeyRotated(evt(9), at("2026-11-25T15:30:00Z"), 1, DEVELOPER, "live",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "pp_live_3f2a", "203.0.113.7");
    }

    public static PlanChanged planChanged() {
        return new PlanChanged(evt(10), at("2026-11-25T17:00:00Z"), 1, DEVELOPER, "free", "starter");
    }

    public static WebhookCreated webhookCreated() {
        return new WebhookCreated(evt(11), at("2026-11-25T15:10:00Z"), 1, DEVELOPER, true,
                "whk_5e6f7a8b-0000-4000-8000-000000000001", "https://agent.example/hooks/pausepoint",
                List.of("pause.responded", "pause.timed_out"), "203.0.113.7");
    }

    public static WebhookDeleted webhookDeleted() {
        return new WebhookDeleted(evt(12), at("2026-11-25T15:20:00Z"), 1, DEVELOPER, true,
                "whk_5e6f7a8b-0000-4000-8000-000000000001", "203.0.113.7");
    }

    /** Every example, keyed by its wire type name. */
    public static Map<String, Event> all() {
        Map<String, Event> all = new LinkedHashMap<>();
        for (Event event : List.of(pauseCreated(), pauseResponded(), pauseTimedOut(), pauseCancelled(),
                pauseReminded(), pauseEscalated(), notificationSent(), notificationDelivered(), notificationFailed(), developerRegistered(),
                apiKeyRotated(), planChanged(), webhookCreated(), webhookDeleted())) {
            all.put(EventJson.mapper().readTree(EventJson.write(event)).get("type").asString(), event);
        }
        return all;
    }
}
