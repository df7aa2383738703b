package dev.pausepoint.dashboard.webhooks;

import dev.pausepoint.dashboard.api.ApiClient;
import dev.pausepoint.dashboard.api.ApiClient.Path;
import dev.pausepoint.dashboard.api.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The webhook calls of the public API (docs/api-reference.md, "Webhooks"). */
@Component
public class WebhooksApi {

    /** The events an endpoint may subscribe to, in the API's order. */
    public static final List<String> EVENTS = List.of("pause.responded", "pause.timed_out", "pause.cancelled");

    public record Webhook(String webhookId, String url, List<String> events, Instant createdAt) {
    }

    public record Webhooks(List<Webhook> items) {
    }

    public record Attempt(String deliveryId, String eventId, String event, String pauseId, int attempt,
            Integer statusCode, String error, Long durationMs, Instant nextAttemptAt, Instant createdAt) {

        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300 && error == null;
        }
    }

    public record Attempts(List<Attempt> items) {
    }

    public record TestSent(String deliveryId, String eventId, String event) {
    }

    private final ApiClient api;

    public WebhooksApi(ApiClient api) {
        this.api = api;
    }

    public List<Webhook> list(Caller caller) {
        return api.read(api.get(caller, Path.of("/v1/webhooks")), Webhooks.class).items();
    }

    /** The endpoint with this id, if the caller's world has it (the API has no read of one endpoint). */
    public Optional<Webhook> find(Caller caller, String webhookId) {
        return list(caller).stream().filter(webhook -> webhook.webhookId().equals(webhookId)).findFirst();
    }

    public Webhook create(Caller caller, String url, List<String> events, String secret) {
        return api.read(api.post(caller, Path.of("/v1/webhooks"), Map.of("url", url, "events", events,
                "secret", secret)), Webhook.class);
    }

    public void delete(Caller caller, String webhookId) {
        api.delete(caller, Path.of("/v1/webhooks/{}", webhookId));
    }

    public List<Attempt> deliveries(Caller caller, String webhookId) {
        return api.read(api.get(caller, Path.of("/v1/webhooks/{}/deliveries", webhookId).query("limit", 100)),
                Attempts.class).items();
    }

    public TestSent sendTest(Caller caller, String webhookId) {
        return api.read(api.post(caller, Path.of("/v1/webhooks/{}/test", webhookId), null), TestSent.class);
    }
}
