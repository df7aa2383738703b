package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.kit.request.JsonBodies;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a create body ({@link CreatePauseRequest}) with the shared reader, adding the rules that need this
 * instance's configuration: the Slack hosts and SMS country codes a recipient may be.
 */
final class PauseRequestParser {

    private final Recipients recipients;

    PauseRequestParser(List<String> slackHosts, SmsCountryCodes smsCountries) {
        this.recipients = new Recipients(slackHosts, smsCountries);
    }

    /** The pause the body asks for; 400 INVALID_CHANNEL, 400 INVALID_OPTIONS or one 422 otherwise. */
    NewPause parse(JsonNode body) {
        return parse(body, Integer.MAX_VALUE);
    }

    /** As {@link #parse(JsonNode)}, for a plan that grants a pause at most {@code timeoutCapHours}. */
    NewPause parse(JsonNode body, int timeoutCapHours) {
        return JsonBodies.read(body, CreatePauseRequest.class, request -> request.issues(recipients, timeoutCapHours))
                .toNewPause(recipients);
    }
}
