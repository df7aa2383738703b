package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.kit.request.JsonBodies;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a create body ({@link CreatePauseRequest}) with the shared reader, adding the rules that need this
 * instance's configuration: the Slack hosts and SMS country codes a recipient may be; and, for a test pause,
 * the rules of test recipients ({@link TestRecipients}).
 */
final class PauseRequestParser {

    private final Recipients recipients;

    PauseRequestParser(List<String> slackHosts, SmsCountryCodes smsCountries) {
        this.recipients = new Recipients(slackHosts, smsCountries);
    }

    /** The pause the body asks for, read as a live pause: 400 INVALID_CHANNEL, 400 INVALID_OPTIONS or one 422. */
    NewPause parse(JsonNode body) {
        return parse(body, true, Integer.MAX_VALUE);
    }

    /**
     * As {@link #parse(JsonNode)}, in the world {@code livemode} (a test pause's recipient may be a test
     * recipient) for a plan that grants a pause at most {@code timeoutCapHours}.
     */
    NewPause parse(JsonNode body, boolean livemode, int timeoutCapHours) {
        return JsonBodies.read(body, CreatePauseRequest.class, request -> {
            List<FieldIssue> issues = new ArrayList<>(request.issues(recipients, timeoutCapHours));
            boolean recipientFailed = request.recipient() == null
                    || issues.stream().anyMatch(issue -> issue.field().equals("recipient"));
            if (!livemode && !recipientFailed) {
                TestRecipients.problem(request.channel(), recipients.normalize(request.channel(), request.recipient()),
                        request.options()).ifPresent(problem -> issues.add(new FieldIssue("recipient", problem)));
            }
            return issues;
        }).toNewPause(recipients);
    }
}
