package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.errors.FieldIssue;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules of a create's {@code reminders} and {@code escalation} (docs/api-reference.md, "Reminders and
 * escalation"), each issue on the path of the field inside them ({@code reminders.every_minutes},
 * {@code escalation[0].recipient}; indices count from 0, as JSON paths do). A step's channel was judged
 * before, with the pause's own ({@link EscalationChannels}); a step's time is judged against the pause's
 * timeout after the plan's cap, since a step due when the pause has expired could never be sent.
 */
final class FollowUpRules {

    static final int MIN_EVERY_MINUTES = 5;
    /** The longest any pause can wait (8760 hours): a longer interval could never send a reminder. */
    static final int MAX_EVERY_MINUTES = 525_600;
    static final int MAX_REMINDERS = 5;
    static final int MAX_STEPS = 3;

    private FollowUpRules() {
    }

    /** Every problem of the two fields; {@code timeoutMinutes} is how long the pause will be pending at most. */
    static List<FieldIssue> issues(ObjectNode reminders, List<ObjectNode> escalation, Recipients recipients,
            long timeoutMinutes) {
        List<FieldIssue> issues = new ArrayList<>();
        if (reminders != null) {
            Field every = integer(reminders, "every_minutes");
            if (every.problem() == null && every.value() < MIN_EVERY_MINUTES) {
                every = Field.failed("must be at least " + MIN_EVERY_MINUTES);
            } else if (every.problem() == null && every.value() > MAX_EVERY_MINUTES) {
                every = Field.failed("must be at most " + MAX_EVERY_MINUTES
                        + " (a year, the longest a pause can wait)");
            }
            every.report("reminders.every_minutes", issues);
            Field max = integer(reminders, "max");
            if (max.problem() == null && (max.value() < 1 || max.value() > MAX_REMINDERS)) {
                max = Field.failed("must be between 1 and " + MAX_REMINDERS);
            }
            max.report("reminders.max", issues);
        }
        if (escalation == null) {
            return issues;
        }
        if (escalation.isEmpty() || escalation.size() > MAX_STEPS) {
            issues.add(new FieldIssue("escalation", "must have 1 to " + MAX_STEPS + " steps"));
            return issues;
        }
        Integer previous = null;
        for (int i = 0; i < escalation.size(); i++) {
            ObjectNode step = escalation.get(i);
            String path = "escalation[" + i + "]";
            Field after = integer(step, "after_minutes");
            if (after.problem() == null) {
                if (after.value() < 1) {
                    after = Field.failed("must be at least 1");
                } else if (previous != null && after.value() <= previous) {
                    after = Field.failed("must be greater than escalation[" + (i - 1) + "].after_minutes");
                } else if (after.value() >= timeoutMinutes) {
                    after = Field.failed("must be before the pause expires, " + timeoutMinutes
                            + " minutes after its create (timeout_hours, capped by the plan)");
                }
                previous = Math.max(previous == null ? 0 : previous, integer(step, "after_minutes").value());
            }
            after.report(path + ".after_minutes", issues);
            JsonNode recipient = step.get("recipient");
            String channel = step.get("channel").asString();
            if (recipient == null || recipient.isNull()) {
                issues.add(new FieldIssue(path + ".recipient", "is required"));
            } else if (!recipient.isString()) {
                issues.add(new FieldIssue(path + ".recipient", "must be a string"));
            } else {
                recipients.problem(channel, recipient.asString())
                        .ifPresent(issue -> issues.add(new FieldIssue(path + ".recipient", issue)));
            }
        }
        return issues;
    }

    /** The follow-ups of a request whose two fields passed {@link #issues}; recipients normalised for delivery. */
    static FollowUps read(ObjectNode reminders, List<ObjectNode> escalation, Recipients recipients) {
        FollowUps.Reminders again = reminders == null ? null
                : new FollowUps.Reminders(reminders.get("every_minutes").asInt(), reminders.get("max").asInt());
        List<FollowUps.EscalationStep> steps = new ArrayList<>();
        if (escalation != null) {
            for (int i = 0; i < escalation.size(); i++) {
                ObjectNode step = escalation.get(i);
                String channel = step.get("channel").asString();
                steps.add(new FollowUps.EscalationStep(i + 1, step.get("after_minutes").asInt(), channel,
                        recipients.normalize(channel, step.get("recipient").asString())));
            }
        }
        return new FollowUps(again, steps);
    }

    /** An integer field inside an object: its value, or what is wrong with it. */
    private record Field(int value, String problem) {

        static Field failed(String problem) {
            return new Field(0, problem);
        }

        void report(String path, List<FieldIssue> issues) {
            if (problem != null) {
                issues.add(new FieldIssue(path, problem));
            }
        }
    }

    private static Field integer(ObjectNode object, String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return Field.failed("is required");
        }
        if (!node.isIntegralNumber()) {
            return Field.failed("must be an integer");
        }
        return node.canConvertToInt() ? new Field(node.asInt(), null) : Field.failed("is too large");
    }
}
