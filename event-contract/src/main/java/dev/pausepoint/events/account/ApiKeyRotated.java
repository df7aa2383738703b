package dev.pausepoint.events.account;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * A key was replaced. Gateways drop {@code revokedKeyHash} (the SHA-256 hex of the old key, never the
 * key) from their caches at once, so the old key stops working without waiting for a TTL.
 * {@code keyType} is {@code live} or {@code test}.
 */
@JsonTypeName(ApiKeyRotated.TYPE)
public record ApiKeyRotated(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String developerId,
        String keyType,
        String revokedKeyHash,
        String newKeyPrefix,
        String actorIp) implements AccountEvent {

    public static final String TYPE = "api_key.rotated";
}
