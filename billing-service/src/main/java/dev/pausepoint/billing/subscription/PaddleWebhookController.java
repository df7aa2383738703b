package dev.pausepoint.billing.subscription;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paddle's notifications, routed by the gateway without an API key: the signature over the raw body is
 * the credential, checked before anything is read. A 2xx tells Paddle to stop retrying, so every
 * verified event is acknowledged with what became of it, including duplicates and stale ones.
 */
@RestController
public class PaddleWebhookController {

    private final PaddleSignature signature;
    private final SubscriptionService subscriptions;
    private final JsonMapper json;

    public PaddleWebhookController(PaddleSignature signature, SubscriptionService subscriptions, JsonMapper json) {
        this.signature = signature;
        this.subscriptions = subscriptions;
        this.json = json;
    }

    /** The answer's schema: {@code receive} writes it as a map. */
    record Outcome(@Schema(allowableValues = {"applied", "duplicate", "stale", "ignored"}) String outcome) {
    }

    @PostMapping("/v1/billing/webhook")
    @ApiOperation(id = "paddleWebhook", tag = "Billing", summary = "Paddle's notifications", access = Access.SIGNATURE,
            body = Map.class, response = Outcome.class, errors = {ErrorCode.INVALID_CREDENTIALS,
                    ErrorCode.VALIDATION_ERROR},
            description = "Paddle-Signature: ts=<unix>;h1=<hex>, HMAC-SHA256 over <ts>:<raw body> with the"
                    + " notification secret, at most 5 minutes from our clock. Each event_id is processed once.")
    public Map<String, String> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Paddle-Signature", required = false) String header) {
        byte[] raw = body == null ? new byte[0] : body;
        signature.verify(header, raw);
        JsonNode event;
        try {
            event = json.readTree(raw);
        } catch (JacksonException e) {
            throw new ValidationException("body", "must be a Paddle notification (JSON)");
        }
        return Map.of("outcome", subscriptions.apply(PaddleEvent.parse(event)).wire());
    }
}
