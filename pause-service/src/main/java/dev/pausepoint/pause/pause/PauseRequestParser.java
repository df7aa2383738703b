package dev.pausepoint.pause.pause;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every field rule of the create table (docs/api-reference.md, "Pauses"), read from the raw JSON so that a
 * wrong type is reported like any other problem and all problems come back at once. {@code channel} and
 * {@code options} have their own codes (400 INVALID_CHANNEL, 400 INVALID_OPTIONS) and are judged first, in
 * that order; everything else is one 422 VALIDATION_ERROR listing each failing field.
 */
final class PauseRequestParser {

    static final Set<String> CHANNELS = Set.of("sms", "email", "slack");
    static final int MAX_MESSAGE = 2000;
    static final int MAX_OPTION = 100;
    static final int MAX_METADATA_BYTES = 16 * 1024;

    private final List<String> slackHosts;
    private final SmsCountryCodes smsCountries;

    PauseRequestParser(List<String> slackHosts, SmsCountryCodes smsCountries) {
        this.slackHosts = slackHosts;
        this.smsCountries = smsCountries;
    }

    NewPause parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ValidationException("body", "must be a JSON object");
        }
        String channel = channel(body.get("channel"));
        List<String> options = options(body.get("options"));
        List<FieldIssue> issues = new ArrayList<>();

        String recipient = null;
        JsonNode recipientNode = body.get("recipient");
        if (recipientNode == null || recipientNode.isNull()) {
            issues.add(new FieldIssue("recipient", "is required"));
        } else if (!recipientNode.isString()) {
            issues.add(new FieldIssue("recipient", "must be a string"));
        } else {
            StringBuilder issue = new StringBuilder();
            Optional<String> normalized = Recipients.normalize(channel, recipientNode.asString(), slackHosts,
                    smsCountries, issue);
            if (normalized.isPresent()) {
                recipient = normalized.get();
            } else {
                issues.add(new FieldIssue("recipient", issue.toString()));
            }
        }

        String message = null;
        JsonNode messageNode = body.get("message");
        if (messageNode == null || messageNode.isNull()) {
            issues.add(new FieldIssue("message", "is required"));
        } else if (!messageNode.isString()) {
            issues.add(new FieldIssue("message", "must be a string"));
        } else if (messageNode.asString().isBlank()) {
            issues.add(new FieldIssue("message", "must not be blank"));
        } else if (length(messageNode.asString()) > MAX_MESSAGE) {
            issues.add(new FieldIssue("message", "must be at most " + MAX_MESSAGE + " characters"));
        } else {
            message = messageNode.asString();
        }

        boolean allowText = false;
        JsonNode allowNode = body.get("allow_text_response");
        if (allowNode != null && !allowNode.isNull()) {
            if (allowNode.isBoolean()) {
                allowText = allowNode.asBoolean();
            } else {
                issues.add(new FieldIssue("allow_text_response", "must be a boolean"));
            }
        }

        int timeoutHours = 24;
        JsonNode hoursNode = body.get("timeout_hours");
        if (hoursNode != null && !hoursNode.isNull()) {
            if (!hoursNode.isIntegralNumber() || !hoursNode.canConvertToInt()) {
                issues.add(new FieldIssue("timeout_hours", hoursNode.isIntegralNumber() ? "is too large"
                        : "must be an integer"));
            } else if (hoursNode.asInt() < 1) {
                issues.add(new FieldIssue("timeout_hours", "must be at least 1"));
            } else {
                timeoutHours = hoursNode.asInt();
            }
        }

        String timeoutDefault = null;
        JsonNode defaultNode = body.get("timeout_default");
        if (defaultNode != null && !defaultNode.isNull()) {
            if (!defaultNode.isString()) {
                issues.add(new FieldIssue("timeout_default", "must be a string or null"));
            } else if (!options.contains(defaultNode.asString())) {
                issues.add(new FieldIssue("timeout_default", "must be one of the options"));
            } else {
                timeoutDefault = defaultNode.asString();
            }
        }

        ObjectNode metadata = null;
        JsonNode metadataNode = body.get("metadata");
        if (metadataNode != null && !metadataNode.isNull()) {
            if (!metadataNode.isObject()) {
                issues.add(new FieldIssue("metadata", "must be a JSON object or null"));
            } else if (metadataNode.toString().getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
                issues.add(new FieldIssue("metadata", "must be at most 16 KB as JSON"));
            } else {
                metadata = (ObjectNode) metadataNode;
            }
        }

        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        return new NewPause(channel, recipient, message, options, allowText, timeoutHours, timeoutDefault, metadata);
    }

    private static String channel(JsonNode node) {
        if (node == null || !node.isString() || !CHANNELS.contains(node.asString())) {
            throw new ApiException(ErrorCode.INVALID_CHANNEL, "channel must be one of sms, email, slack.");
        }
        return node.asString();
    }

    private static List<String> options(JsonNode node) {
        ApiException invalid = new ApiException(ErrorCode.INVALID_OPTIONS,
                "options must be an array of 2 to 5 distinct, non-blank strings of at most " + MAX_OPTION
                        + " characters.");
        if (node == null || !node.isArray() || node.size() < 2 || node.size() > 5) {
            throw invalid;
        }
        List<String> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode option : node) {
            if (!option.isString() || option.asString().isBlank() || length(option.asString()) > MAX_OPTION
                    || !seen.add(option.asString())) {
                throw invalid;
            }
            options.add(option.asString());
        }
        return List.copyOf(options);
    }

    /** Characters as a person counts them: code points, so an emoji is one. */
    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
