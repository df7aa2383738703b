package dev.pausepoint.billing.credential;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.account.ApiKeyRotated;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replaces a key. The old key is revoked and {@code ApiKeyRotated} (with its hash) is recorded in the
 * same transaction; gateways drop the hash from their caches when the event arrives, so the old key
 * stops working everywhere within a second instead of after a cache TTL. An API key replaces only the
 * key of its own mode ({@link KeyModePolicy}), so a leaked test key cannot take over the live world.
 */
@Service
public class KeyRotationService {

    private final ApiKeyRepository keys;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public KeyRotationService(ApiKeyRepository keys, Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.keys = keys;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public RotateKeyResponse rotate(CallerIdentity caller, RotateKeyRequest request) {
        String developerId = caller.requireAuthenticated().developerId();
        // Without a key_type, the world the caller presents: a key's own, or the world a session was sent in
        // (the dashboard's test view rotates the test key).
        KeyMode mode = request != null && request.keyType() != null ? KeyMode.fromWire(request.keyType())
                : caller.mode();
        KeyModePolicy.requireMayRotate(caller, mode);
        String key = SecretTokens.generate(mode == KeyMode.LIVE ? SecretTokens.LIVE_KEY : SecretTokens.TEST_KEY);
        Instant now = EventIds.now(clock);
        transactions.executeWithoutResult(status -> {
            keys.lockKeysOf(developerId);
            String revoked = keys.revokeActive(developerId, mode, now).orElse(null);
            keys.insert(developerId, mode, key, now);
            outbox.publish(new ApiKeyRotated(EventIds.newEventId(), now, Event.SCHEMA_VERSION, developerId, mode.wire(),
                    revoked, SecretTokens.displayPrefix(key), caller.clientIp()));
        });
        return new RotateKeyResponse(mode.wire(), key, SecretTokens.displayPrefix(key), now);
    }
}
