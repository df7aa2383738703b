package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.kit.openapi.ApiRequest;
import dev.pausepoint.kit.request.Gate;
import dev.pausepoint.kit.request.HasText;
import dev.pausepoint.kit.request.OneOf;
import dev.pausepoint.kit.request.TypeIssue;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.validator.constraints.CodePointLength;
import org.hibernate.validator.constraints.UniqueElements;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of {@code POST /v1/pause} as the client sends it, with every rule of the create table
 * (docs/api-reference.md, "Pauses"). {@code channel} is judged first (400 INVALID_CHANNEL), then
 * {@code options} (400 INVALID_OPTIONS), then everything else in one 422. Lengths count characters as
 * people do (code points, so an emoji is one).
 */
@ApiRequest
@GroupSequence({CreatePauseRequest.ChannelRule.class, CreatePauseRequest.EscalationChannelRule.class,
        CreatePauseRequest.OptionsRule.class, CreatePauseRequest.class})
@EscalationChannels(groups = CreatePauseRequest.EscalationChannelRule.class)
record CreatePauseRequest(
        @NotNull(groups = ChannelRule.class) @OneOf(value = {"sms", "email", "slack"}, groups = ChannelRule.class)
        @Schema(allowableValues = {"sms", "email", "slack"}) String channel,
        @NotNull(message = "is required") String recipient,
        @NotNull(message = "is required") @HasText(message = "must not be blank")
        @CodePointLength(max = MAX_MESSAGE, message = "must be at most " + MAX_MESSAGE + " characters") String message,
        @NotNull(groups = OptionsRule.class) @Size(min = 2, max = 5, groups = OptionsRule.class)
        @UniqueElements(groups = OptionsRule.class)
        List<@HasText(groups = OptionsRule.class) @CodePointLength(max = MAX_OPTION, groups = OptionsRule.class) String>
        options,
        @Schema(defaultValue = "false") Boolean allowTextResponse,
        @Min(value = 1, message = "must be at least 1") @Schema(defaultValue = "24") Integer timeoutHours,
        @Nullable @TypeIssue("must be a string or null") String timeoutDefault,
        @Nullable @TypeIssue("must be a JSON object or null") ObjectNode metadata,
        @Nullable @TypeIssue("must be a string or null") @Schema(minLength = 1, maxLength = MAX_AGENT_NAME)
        String agentName,
        @Nullable @TypeIssue("must be an object or null") @Schema(implementation = Reminders.class) ObjectNode reminders,
        @Nullable @TypeIssue("must be an array of objects or null")
        @ArraySchema(minItems = 1, maxItems = FollowUpRules.MAX_STEPS,
                schema = @Schema(implementation = EscalationStep.class))
        List<ObjectNode> escalation) {


    static final int MAX_MESSAGE = 2000;
    static final int MAX_OPTION = 100;
    static final int MAX_AGENT_NAME = 80;
    static final int MAX_METADATA_BYTES = 16 * 1024;
    static final int DEFAULT_TIMEOUT_HOURS = 24;
    /** Postgres {@code numeric}'s limits, digits before and after the decimal point. */
    static final int MAX_INTEGER_DIGITS = 131_072;
    static final int MAX_FRACTION_DIGITS = 16_383;

    /**
     * The shape of {@code reminders}, for the API document only: the field is read as JSON and judged by
     * {@link FollowUpRules}, so that each problem is reported on its path inside it.
     */
    @ApiRequest
    record Reminders(
            @NotNull @Min(FollowUpRules.MIN_EVERY_MINUTES) @Max(FollowUpRules.MAX_EVERY_MINUTES) Integer everyMinutes,
            @NotNull @Min(1) @Max(FollowUpRules.MAX_REMINDERS) Integer max) {
    }

    /** The shape of one {@code escalation} step, for the API document only, as {@link Reminders}. */
    @ApiRequest
    record EscalationStep(@NotNull @Min(1) Integer afterMinutes,
            @NotNull @Schema(allowableValues = {"sms", "email", "slack"}) String channel,
            @NotNull String recipient) {
    }

    @Gate(code = ErrorCode.INVALID_CHANNEL, message = "channel must be one of sms, email, slack.")
    interface ChannelRule {
    }

    @Gate(code = ErrorCode.INVALID_CHANNEL, message = "escalation: every step's channel must be one of sms, email,"
            + " slack.")
    interface EscalationChannelRule {
    }

    @Gate(code = ErrorCode.INVALID_OPTIONS, message = "options must be an array of 2 to 5 distinct, non-blank strings"
            + " of at most " + MAX_OPTION + " characters.")
    interface OptionsRule {
    }

    /**
     * The rules no annotation can hold: the recipient against its channel and the configured destinations,
     * the default against the options, the metadata's size as JSON, the agent's name as a person will read
     * it, the follow-ups ({@link FollowUpRules}) against the timeout the plan allows ({@code timeoutCapHours}).
     * A field that failed already is null here.
     */
    List<FieldIssue> issues(Recipients recipients, int timeoutCapHours) {
        List<FieldIssue> issues = new ArrayList<>();
        if (recipient != null) {
            recipients.problem(channel, recipient).ifPresent(issue -> issues.add(new FieldIssue("recipient", issue)));
        }
        if (timeoutDefault != null && !options.contains(timeoutDefault)) {
            issues.add(new FieldIssue("timeout_default", "must be one of the options"));
        }
        if (metadata != null && metadata.toString().getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            issues.add(new FieldIssue("metadata", "must be at most 16 KB as JSON"));
        } else if (metadata != null && !storableNumbers(metadata)) {
            issues.add(new FieldIssue("metadata", "must hold numbers of at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point and " + MAX_FRACTION_DIGITS + " after"));
        }
        if (agentName != null) {
            agentNameProblem(agentName).ifPresent(issue -> issues.add(new FieldIssue("agent_name", issue)));
        }
        int hours = Math.min(timeoutHours == null ? DEFAULT_TIMEOUT_HOURS : Math.max(timeoutHours, 1), timeoutCapHours);
        issues.addAll(FollowUpRules.issues(reminders, escalation, recipients, 60L * hours));
        return issues;
    }

    /**
     * What is wrong with an agent's name, if anything: it is shown to a human (the page, the SMS, the
     * email), so it is 1 to {@value #MAX_AGENT_NAME} characters, not blank, and holds no control character
     * (C0, DEL, C1: NUL, CR and LF among them), which could break a message's lines or a mail header.
     */
    static Optional<String> agentNameProblem(String name) {
        if (name.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (name.codePointCount(0, name.length()) > MAX_AGENT_NAME) {
            return Optional.of("must be at most " + MAX_AGENT_NAME + " characters");
        }
        if (name.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }

    /**
     * Whether every number in {@code node} fits Postgres's {@code numeric}, which stores metadata exactly.
     * Numbers are read exactly, so a short literal such as {@code 1e999999999} is a value no column holds;
     * precision and scale are read from the number as written, never by expanding it.
     */
    private static boolean storableNumbers(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            return value.precision() - value.scale() <= MAX_INTEGER_DIGITS && value.scale() <= MAX_FRACTION_DIGITS;
        }
        for (JsonNode child : node) {
            if (!storableNumbers(child)) {
                return false;
            }
        }
        return true;
    }

    /** The pause to create: defaults filled in, the recipient in the one form delivery uses. */
    NewPause toNewPause(Recipients recipients) {
        return new NewPause(channel, recipients.normalize(channel, recipient), message, List.copyOf(options),
                Boolean.TRUE.equals(allowTextResponse), timeoutHours == null ? DEFAULT_TIMEOUT_HOURS : timeoutHours,
                timeoutDefault, metadata, agentName, FollowUpRules.read(reminders, escalation, recipients));
    }
}
