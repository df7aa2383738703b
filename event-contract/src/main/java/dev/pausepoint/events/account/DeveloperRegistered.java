package dev.pausepoint.events.account;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** A developer opened an account; {@code email} is already lower-cased. */
@JsonTypeName(DeveloperRegistered.TYPE)
public record DeveloperRegistered(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String developerId,
        String email,
        String name,
        String plan,
        String actorIp) implements AccountEvent {

    public static final String TYPE = "developer.registered";
}
