package dev.pausepoint.delivery.webhook;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The posts PausePoint sends to a developer's endpoints, as the document's top-level {@code webhooks}
 * (docs/api-reference.md, "Webhooks"): one per event, the body {@link WebhookPayload} and the headers
 * {@link WebhookWorker} signs it with.
 */
@Component
class WebhookPostsDocument implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI document) {
        ModelConverters.getInstance(true).readAll(new AnnotatedType(WebhookPayload.class))
                .forEach(document.getComponents()::addSchemas);
        for (String event : List.of("pause.responded", "pause.timed_out", "pause.cancelled", "pause.reminded",
                "pause.escalated", "webhook.test")) {
            document.addWebhooks(event, new PathItem().post(post(event)));
        }
    }

    private static Operation post(String event) {
        return new Operation()
                .operationId("on_" + event.replace('.', '_'))
                .tags(List.of("Webhooks"))
                .summary("PausePoint posts " + event + " to a subscribed endpoint")
                .description("Retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h unless answered 2xx within"
                        + " 10 s; at least once, so deduplicate on X-PausePoint-Delivery.")
                .parameters(List.of(
                        header("X-PausePoint-Signature", "sha256=<lowercase hex HMAC-SHA256 of the raw body under the"
                                + " endpoint's secret>"),
                        header("X-PausePoint-Event", "The event, as in the body."),
                        header("X-PausePoint-Delivery", "The body's event_id, the same on every retry."),
                        header("X-PausePoint-Timestamp", "The body's timestamp, a unix second.")))
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/WebhookPayload")))))
                .responses(new ApiResponses().addApiResponse("2XX",
                        new ApiResponse().description("Received; anything else is retried.")));
    }

    private static Parameter header(String name, String description) {
        return new Parameter().in("header").name(name).required(true).description(description)
                .schema(new Schema<>().types(Set.of("string")));
    }
}
