package dev.pausepoint.delivery.webhook;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1/webhooks")
public class WebhookController {

    public record Items<T>(List<T> items) {
    }

    private final WebhookService webhooks;

    public WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiOperation(id = "createWebhook", tag = "Webhooks", summary = "Register a webhook endpoint",
            access = Access.CREDENTIAL, body = CreateWebhookRequest.class, errors = ErrorCode.VALIDATION_ERROR,
            description = "The secret is shown only here; it signs every post (see the webhooks of this document).")
    public WebhookView create(@RequestBody JsonNode body, CallerIdentity caller) {
        return webhooks.create(caller, body);
    }

    @GetMapping
    @ApiOperation(id = "listWebhooks", tag = "Webhooks", summary = "List webhook endpoints, oldest first",
            access = Access.CREDENTIAL)
    public Items<WebhookView> list(CallerIdentity caller) {
        return new Items<>(webhooks.list(caller));
    }

    @DeleteMapping("/{webhookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiOperation(id = "deleteWebhook", tag = "Webhooks", summary = "Delete a webhook endpoint",
            access = Access.CREDENTIAL, errors = ErrorCode.WEBHOOK_NOT_FOUND)
    public void delete(@PathVariable String webhookId, CallerIdentity caller) {
        webhooks.delete(caller, webhookId);
    }

    /** Sends one {@code webhook.test} event to the endpoint, through the usual signed delivery; no body. */
    @PostMapping("/{webhookId}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ApiOperation(id = "testWebhook", tag = "Webhooks", summary = "Queue one webhook.test post to the endpoint",
            access = Access.CREDENTIAL, errors = {ErrorCode.WEBHOOK_NOT_FOUND, ErrorCode.RATE_LIMITED})
    public WebhookTestView test(@PathVariable String webhookId, CallerIdentity caller) {
        return webhooks.sendTest(caller, webhookId);
    }

    /** The endpoint's most recent attempts, newest first; {@code limit} 1-100, default 20. */
    @GetMapping("/{webhookId}/deliveries")
    @ApiOperation(id = "listWebhookDeliveries", tag = "Webhooks", summary = "The endpoint's attempts, newest first",
            access = Access.CREDENTIAL, errors = {ErrorCode.WEBHOOK_NOT_FOUND, ErrorCode.VALIDATION_ERROR})
    public Items<DeliveryAttemptView> deliveries(@PathVariable String webhookId,
            @RequestParam(defaultValue = "20") int limit, CallerIdentity caller) {
        return new Items<>(webhooks.deliveries(caller, webhookId, limit));
    }
}
