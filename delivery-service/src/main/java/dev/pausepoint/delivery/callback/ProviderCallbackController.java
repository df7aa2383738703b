package dev.pausepoint.delivery.callback;

import com.twilio.security.RequestValidator;
import dev.pausepoint.delivery.notification.NotificationReports;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Providers telling us what became of a message. Public through the gateway without an API key; the
 * provider's signature is the credential, and a call that does not verify gets 401 and changes
 * nothing. A report moves a sent notification to delivered or failed once, with its event.
 */
@RestController
public class ProviderCallbackController {

    private static final Set<String> SENDGRID_FAILURES = Set.of("bounce", "dropped");

    private final NotificationReports reports;
    private final JsonMapper json;
    private final RequestValidator twilio;
    private final String twilioCallbackUrl;
    private final SendGridEventSignature sendGrid;

    public ProviderCallbackController(NotificationReports reports, JsonMapper json, CallbackProperties properties,
            Clock clock, @Value("${pausepoint.public-base-url}") String publicBaseUrl) {
        this.reports = reports;
        this.json = json;
        String token = properties.twilio().authToken();
        this.twilio = token == null || token.isBlank() ? null : new RequestValidator(token);
        this.twilioCallbackUrl = publicBaseUrl.replaceAll("/+$", "") + "/v1/providers/twilio/status";
        this.sendGrid = new SendGridEventSignature(properties.sendgridEventPublicKey(),
                properties.sendgridEventTolerance(), clock);
    }

    /** Twilio's status callback: form fields, signed with the account's auth token over our public URL. */
    @PostMapping(path = "/v1/providers/twilio/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @ApiOperation(id = "twilioStatusCallback", tag = "Provider callbacks", summary = "Twilio's message status callback",
            access = Access.SIGNATURE, body = Map.class, bodyMediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            errors = ErrorCode.INVALID_CREDENTIALS,
            description = "Verified with X-Twilio-Signature over the public callback URL.")
    public void twilioStatus(@Parameter(hidden = true) @RequestParam Map<String, String> form,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        if (twilio == null || signature == null || !twilio.validate(twilioCallbackUrl, new HashMap<>(form), signature)) {
            throw new ProviderSignatureException("Twilio");
        }
        String sid = form.get("MessageSid");
        String status = form.getOrDefault("MessageStatus", "");
        if (sid == null) {
            return;
        }
        switch (status) {
            case "delivered" -> reports.byProviderMessageId(sid, true, null);
            case "failed", "undelivered" -> reports.byProviderMessageId(sid, false,
                    "Twilio reported " + status + (form.containsKey("ErrorCode") ? " (error " + form.get("ErrorCode") + ")" : ""));
            default -> {
                // queued, sending, sent: nothing to record beyond what the send already did.
            }
        }
    }

    /**
     * The notification number a SendGrid event carries as the custom argument we tagged the mail with (a
     * string, as SendGrid keeps custom arguments): 0 when absent, as mails sent before pauses had several
     * carry none; -1 for anything but a small number, which names no notification of ours.
     */
    private static int notificationOf(JsonNode event) {
        JsonNode tag = event.get("notification");
        if (tag == null || tag.isNull()) {
            return 0;
        }
        String text = tag.isString() ? tag.asString() : tag.isIntegralNumber() ? tag.asString() : "";
        return text.matches("[0-9]{1,3}") ? Integer.parseInt(text) : -1;
    }

    /**
     * SendGrid's event webhook: a JSON batch, ECDSA-signed with its timestamp, which must be recent; each
     * event carries the pause id we tagged it with.
     */
    @PostMapping(path = "/v1/providers/sendgrid/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ApiOperation(id = "sendGridEventsCallback", tag = "Provider callbacks", summary = "SendGrid's signed event webhook",
            access = Access.SIGNATURE, body = List.class, errors = ErrorCode.INVALID_CREDENTIALS,
            description = "Verified with its ECDSA signature and timestamp headers; the timestamp must be within"
                    + " 10 minutes of our clock.")
    public void sendGridEvents(@RequestBody byte[] body,
            @RequestHeader(name = "X-Twilio-Email-Event-Webhook-Signature", required = false) String signature,
            @RequestHeader(name = "X-Twilio-Email-Event-Webhook-Timestamp", required = false) String timestamp) {
        sendGrid.verify(body, signature, timestamp);
        JsonNode events = json.readTree(body);
        if (!events.isArray()) {
            return;
        }
        for (JsonNode event : events) {
            JsonNode pauseId = event.get("pause_id");
            String type = event.path("event").asString("");
            if (pauseId == null || !pauseId.isString()) {
                continue;
            }
            int notification = notificationOf(event);
            if (notification < 0) {
                continue;
            }
            if (type.equals("delivered")) {
                reports.byPauseId(pauseId.asString(), notification, true, null);
            } else if (SENDGRID_FAILURES.contains(type)) {
                reports.byPauseId(pauseId.asString(), notification, false, "SendGrid reported " + type
                        + (event.hasNonNull("reason") ? ": " + event.get("reason").asString() : ""));
            }
        }
    }
}
