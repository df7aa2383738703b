package dev.pausepoint.dashboard.pauses;

import dev.pausepoint.dashboard.api.ApiClient;
import dev.pausepoint.dashboard.api.ApiClient.Path;
import dev.pausepoint.dashboard.api.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The pause calls of the public API a page needs: list, read, cancel, a pause's deliveries, daily counts. */
@Component
public class PausesApi {

    public record Delivery(String status, int attempts, String lastError, Instant updatedAt, String sandboxMessage) {
    }

    public record Pause(String pauseId, String status, boolean livemode, String channel, String recipient,
            String message, List<String> options, boolean allowTextResponse, String timeoutDefault, JsonNode metadata,
            Instant createdAt, Instant expiresAt, String responseChoice, String responseText, Instant responseAt,
            Instant cancelledAt, Delivery delivery, String respondUrl) {

        public boolean pending() {
            return status.equals("pending");
        }
    }

    public record PauseList(List<Pause> items, int limit, int offset, boolean hasMore) {
    }

    /** One provider send of a pause's notification, and what became of it. */
    public record Notification(String channel, Integer attempt, String status, String providerMessageId, String error,
            Instant createdAt, Instant statusAt) {
    }

    /** One attempt to post one of the pause's events to one webhook endpoint. */
    public record WebhookAttempt(String deliveryId, String webhookId, String url, String eventId, String event,
            int attempt, Integer statusCode, String error, Long durationMs, Instant nextAttemptAt, Instant createdAt) {
    }

    public record Deliveries(List<Notification> notifications, List<WebhookAttempt> webhookDeliveries) {
    }

    public record Day(LocalDate date, long created, long pending, long responded, long timedOut, long cancelled) {
    }

    public record Daily(LocalDate fromDate, LocalDate toDate, List<Day> days) {
    }

    private final ApiClient api;

    public PausesApi(ApiClient api) {
        this.api = api;
    }

    public PauseList list(Caller caller, String status, String channel, int limit, int offset) {
        return api.read(api.get(caller, Path.of("/v1/pause").query("status", status).query("channel", channel)
                .query("limit", limit).query("offset", offset)), PauseList.class);
    }

    public Pause get(Caller caller, String pauseId) {
        return api.read(api.get(caller, Path.of("/v1/pause/{}", pauseId)), Pause.class);
    }

    public Pause cancel(Caller caller, String pauseId) {
        return api.read(api.delete(caller, Path.of("/v1/pause/{}", pauseId)), Pause.class);
    }

    public Deliveries deliveries(Caller caller, String pauseId) {
        return api.read(api.get(caller, Path.of("/v1/deliveries").query("pause_id", pauseId)), Deliveries.class);
    }

    public Daily daily(Caller caller, int days) {
        return api.read(api.get(caller, Path.of("/v1/stats/pauses").query("days", days)), Daily.class);
    }
}
