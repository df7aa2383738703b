package dev.pausepoint.pause.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.kit.plan.PlanCatalog;
import dev.pausepoint.kit.plan.PlanCatalog.Settings;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of {@code reminders} and {@code escalation} without HTTP (docs/api-reference.md, "Reminders and
 * escalation"): their bounds with the field paths of the 422, a step's channel as the pause's own (400), a
 * step against the plan's timeout and channels, and the schedule a valid request makes.
 */
class FollowUpRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PauseRequestParser PARSER = new PauseRequestParser(List.of("hooks.slack.com"),
            SmsCountryCodes.of(List.of("1")));
    private static final String BASE = """
            {"recipient": "+14155550123", "channel": "sms", "message": "Deploy?", "options": ["Yes", "No"]%s}""";

    private static PlanCatalog plans() {
        Map<String, Settings> plans = new LinkedHashMap<>();
        plans.put("free", new Settings(50, List.of("sms"), 24, "starter"));
        plans.put("starter", new Settings(500, List.of("sms", "email"), 168, "pro"));
        plans.put("pro", new Settings(5000, List.of("sms", "email", "slack"), 720, null));
        return new PlanCatalog(plans);
    }

    private static NewPause parse(String extra) {
        return PARSER.parse(JSON.readTree(BASE.formatted(extra)), true, 24);
    }

    private static ApiException refusal(String extra) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> parse(extra));
        assertThat(refused).as("refused: %s", extra).isNotNull();
        return refused;
    }

    private static List<FieldIssue> issues(String extra) {
        ApiException refused = refusal(extra);
        assertThat(refused).isInstanceOf(ValidationException.class);
        return ((ValidationException) refused).issues();
    }

    @Test
    void aCreateWithoutFollowUpsHasNone() {
        assertThat(parse("").followUps().none()).isTrue();
        assertThat(parse(", \"reminders\": null, \"escalation\": null").followUps().none()).isTrue();
    }

    @Test
    void remindersNeedBothFieldsInTheirBounds() {
        assertThat(parse(", \"reminders\": {\"every_minutes\": 5, \"max\": 5}").followUps().reminders())
                .isEqualTo(new FollowUps.Reminders(5, 5));
        assertThat(issues(", \"reminders\": {\"every_minutes\": 4, \"max\": 0}")).containsExactly(
                new FieldIssue("reminders.every_minutes", "must be at least 5"),
                new FieldIssue("reminders.max", "must be between 1 and 5"));
        assertThat(issues(", \"reminders\": {\"every_minutes\": 10, \"max\": 6}"))
                .containsExactly(new FieldIssue("reminders.max", "must be between 1 and 5"));
        assertThat(issues(", \"reminders\": {}")).containsExactly(
                new FieldIssue("reminders.every_minutes", "is required"), new FieldIssue("reminders.max", "is required"));
        assertThat(issues(", \"reminders\": {\"every_minutes\": \"5\", \"max\": 1.5}")).containsExactly(
                new FieldIssue("reminders.every_minutes", "must be an integer"),
                new FieldIssue("reminders.max", "must be an integer"));
        assertThat(parse(", \"reminders\": {\"every_minutes\": 525600, \"max\": 5}").followUps().reminders())
                .isEqualTo(new FollowUps.Reminders(525600, 5));
        assertThat(issues(", \"reminders\": {\"every_minutes\": 525601, \"max\": 1}")).containsExactly(
                new FieldIssue("reminders.every_minutes", "must be at most 525600 (a year, the longest a pause can wait)"));
        assertThat(issues(", \"reminders\": {\"every_minutes\": 99999999999, \"max\": 1}"))
                .containsExactly(new FieldIssue("reminders.every_minutes", "is too large"));
        assertThat(issues(", \"reminders\": [5, 1]")).containsExactly(new FieldIssue("reminders", "must be an object or null"));
    }

    @Test
    void escalationHasOneToThreeStepsStrictlyLaterEachWithARecipientForItsChannel() {
        assertThat(parse(", \"escalation\": [{\"after_minutes\": 1, \"channel\": \"sms\", \"recipient\": \"+1 415 555 0199\"}]")
                .followUps().escalation())
                .containsExactly(new FollowUps.EscalationStep(1, 1, "sms", "+14155550199"));
        assertThat(issues(", \"escalation\": []")).containsExactly(new FieldIssue("escalation", "must have 1 to 3 steps"));
        String step = "{\"after_minutes\": %d, \"channel\": \"sms\", \"recipient\": \"+14155550199\"}";
        assertThat(issues(", \"escalation\": [" + String.join(",", step.formatted(1), step.formatted(2), step.formatted(3),
                step.formatted(4)) + "]")).containsExactly(new FieldIssue("escalation", "must have 1 to 3 steps"));
        assertThat(issues(", \"escalation\": [" + step.formatted(10) + "," + step.formatted(10) + "," + step.formatted(0) + "]"))
                .containsExactly(new FieldIssue("escalation[1].after_minutes", "must be greater than escalation[0].after_minutes"),
                        new FieldIssue("escalation[2].after_minutes", "must be at least 1"));
        assertThat(issues(", \"escalation\": [{\"channel\": \"email\", \"recipient\": \"not an address\"},"
                + " {\"after_minutes\": 5, \"channel\": \"sms\"}]")).containsExactly(
                new FieldIssue("escalation[0].after_minutes", "is required"),
                new FieldIssue("escalation[0].recipient", "must be a valid email address"),
                new FieldIssue("escalation[1].recipient", "is required"));
        assertThat(issues(", \"escalation\": [\"+14155550199\"]"))
                .containsExactly(new FieldIssue("escalation", "must be an array of objects or null"));
    }

    @Test
    void aStepsChannelIsJudgedAsThePausesOwnBeforeTheOptions() {
        for (String channel : List.of("\"fax\"", "5", "null")) {
            ApiException refused = catchThrowableOfType(ApiException.class, () -> PARSER.parse(JSON.readTree("""
                    {"recipient": "+14155550123", "channel": "sms", "message": "Deploy?", "options": ["Only one"],
                     "escalation": [{"after_minutes": 5, "channel": %s, "recipient": "+14155550199"}]}""".formatted(channel))));
            assertThat(refused.code()).as(channel).isEqualTo(ErrorCode.INVALID_CHANNEL);
        }
    }

    @Test
    void aStepDueAtOrAfterTheCappedExpiryIsRefusedOnItsTime() {
        // 24 h on the free plan, whatever timeout_hours asks for: 1440 minutes is the expiry itself.
        String late = ", \"timeout_hours\": 48, \"escalation\": [{\"after_minutes\": 1440, \"channel\": \"sms\","
                + " \"recipient\": \"+14155550199\"}]";
        assertThat(issues(late)).containsExactly(new FieldIssue("escalation[0].after_minutes",
                "must be before the pause expires, 1440 minutes after its create (timeout_hours, capped by the plan)"));
        assertThat(parse(late.replace("1440", "1439")).followUps().escalation()).hasSize(1);
    }

    @Test
    void everyChannelNamedMustBeOnThePlanAndTheRefusalNamesTheStep() {
        PlanPolicy policy = new PlanPolicy(plans(), 8760);
        NewPause request = PARSER.parse(JSON.readTree(BASE.formatted(", \"escalation\": ["
                + "{\"after_minutes\": 5, \"channel\": \"sms\", \"recipient\": \"+14155550199\"},"
                + "{\"after_minutes\": 9, \"channel\": \"email\", \"recipient\": \"boss@example.com\"}]")));
        ApiException refused = catchThrowableOfType(ApiException.class, () -> policy.admit("free", request));
        assertThat(refused.code()).isEqualTo(ErrorCode.CHANNEL_NOT_ALLOWED);
        assertThat(refused.getMessage())
                .isEqualTo("escalation[1]: email is not on the free plan. Upgrade to Starter to use it.");
        assertThat(policy.admit("starter", request)).hasHours(24);
    }

    @Test
    void theScheduleIsInDueOrderNumberedFromOneWithEachStepOnItsOwnSlot() {
        NewPause request = parse(", \"reminders\": {\"every_minutes\": 10, \"max\": 3}, \"escalation\": ["
                + "{\"after_minutes\": 10, \"channel\": \"sms\", \"recipient\": \"+14155550199\"},"
                + "{\"after_minutes\": 25, \"channel\": \"sms\", \"recipient\": \"+14155550198\"}]");
        Instant created = Instant.parse("2026-12-01T08:00:00Z");
        List<ScheduledNotification> schedule = request.followUps().schedule("sms", "+14155550123", created);
        assertThat(schedule).extracting(ScheduledNotification::notification).containsExactly(1, 2, 3, 4, 5);
        assertThat(schedule).extracting(n -> n.kind() + ":" + n.slot() + ":" + n.dueAt()).containsExactly(
                "reminder:0:2026-12-01T08:10:00Z", "escalation:1:2026-12-01T08:10:00Z",
                "reminder:0:2026-12-01T08:20:00Z", "escalation:2:2026-12-01T08:25:00Z",
                "reminder:0:2026-12-01T08:30:00Z");
        assertThat(schedule.get(1).recipient()).isEqualTo("+14155550199");
        assertThat(schedule.get(0).recipient()).isEqualTo("+14155550123");
        assertThat(schedule.get(4).reminder()).isEqualTo(3);
        assertThat(schedule.get(3).step()).isEqualTo(2);
    }
}
