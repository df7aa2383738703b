package dev.pausepoint.events.account;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** The developer's plan changed (a Paddle subscription event); it applies to the next pause created. */
@JsonTypeName(PlanChanged.TYPE)
public record PlanChanged(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String developerId,
        String previousPlan,
        String plan) implements AccountEvent {

    public static final String TYPE = "plan.changed";
}
