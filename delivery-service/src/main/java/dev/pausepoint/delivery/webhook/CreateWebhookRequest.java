package dev.pausepoint.delivery.webhook;

import dev.pausepoint.delivery.outbound.OutboundGuard;
import dev.pausepoint.delivery.outbound.UnsafeDestinationException;
import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseEscalated;
import dev.pausepoint.events.pause.PauseReminded;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.kit.openapi.ApiRequest;
import dev.pausepoint.kit.request.JsonBodies;
import dev.pausepoint.kit.request.OneOf;
import dev.pausepoint.kit.request.TypeIssue;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/webhooks} (docs/api-reference.md, "Webhooks"): every field rule at once, in
 * one 422. The URL's destination (DNS included) is checked only once it is a string of a sane length.
 * {@link #read} answers the endpoint to register: the URL trimmed, the events in the API's order without
 * repeats (all of them when none are named).
 */
@ApiRequest
record CreateWebhookRequest(
        @NotNull(message = "is required") @Size(max = MAX_URL, message = "must be at most " + MAX_URL + " characters")
        String url,
        @TypeIssue(EVENTS_ISSUE) @Size(min = 1, message = EVENTS_ISSUE)
        @ArraySchema(arraySchema = @Schema(description = "Default: pause.responded, pause.timed_out and"
                + " pause.cancelled."), minItems = 1, schema = @Schema(allowableValues = {"pause.responded",
                        "pause.timed_out", "pause.cancelled", "pause.reminded", "pause.escalated"}))
        List<@OneOf(value = {PauseResponded.TYPE, PauseTimedOut.TYPE, PauseCancelled.TYPE, PauseReminded.TYPE,
                PauseEscalated.TYPE}, message = EVENTS_ISSUE) String> events,
        @NotNull(message = "is required")
        @Size(min = MIN_SECRET, max = MAX_SECRET, message = "must be " + MIN_SECRET + " to " + MAX_SECRET
                + " characters") String secret) {

    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 256;
    static final int MAX_URL = 2048;
    static final String EVENTS_ISSUE = "must be a non-empty array of " + PauseResponded.TYPE + ", "
            + PauseTimedOut.TYPE + ", " + PauseCancelled.TYPE + ", " + PauseReminded.TYPE + ", " + PauseEscalated.TYPE;

    /** The endpoint {@code body} asks for, its URL checked by {@code guard}; else one 422 listing every problem. */
    static CreateWebhookRequest read(JsonNode body, OutboundGuard guard) {
        CreateWebhookRequest request = JsonBodies.read(body, CreateWebhookRequest.class,
                given -> given.destinationIssues(guard));
        List<String> events = request.events == null ? WebhookService.EVENTS
                : WebhookService.SUBSCRIBABLE.stream().filter(request.events::contains).toList();
        return new CreateWebhookRequest(request.url.trim(), events, request.secret);
    }

    /** A URL an HTTP client accepts, to a destination the guard allows (https, public addresses only). */
    private List<FieldIssue> destinationIssues(OutboundGuard guard) {
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() != null && HttpUrl.parse(uri.toString()) == null) {
                throw new URISyntaxException(uri.toString(), "not a URL an HTTP client accepts");
            }
            guard.check(uri);
            return List.of();
        } catch (URISyntaxException e) {
            return List.of(new FieldIssue("url", "must be a valid absolute URL"));
        } catch (UnsafeDestinationException e) {
            return List.of(new FieldIssue("url", e.getMessage()));
        }
    }
}
