package dev.pausepoint.billing.credential;

import dev.pausepoint.identity.KeyMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyRepository {

    /** An active key as the gateway needs it: whose it is, which world it acts in, the plan and the account's name. */
    public record ResolvedKey(String developerId, KeyMode mode, String plan, String accountName) {
    }

    /**
     * An active key as its owner may see it: the display prefix and when it was issued (at registration,
     * or by its mode's latest rotation, which inserts the new key with the rotation's time).
     */
    public record ActiveKey(String prefix, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String developerId, KeyMode mode, String key, Instant now) {
        jdbc.sql("INSERT INTO api_key (key_hash, developer_id, mode, prefix, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(SecretTokens.sha256(key), developerId, mode.wire(), SecretTokens.displayPrefix(key),
                        Timestamp.from(now))
                .update();
    }

    /**
     * Locks the account's keys until the transaction ends, so concurrent rotations of one account queue
     * instead of racing for the one active key. The lock is the developer's row, which always exists (an
     * active key of the mode may not); it is taken here, not through the account feature, which uses this
     * feature's keys (the two would depend on each other).
     */
    public void lockKeysOf(String developerId) {
        jdbc.sql("SELECT id FROM developer WHERE id = ? FOR UPDATE").param(developerId).query(String.class).single();
    }

    /** Revokes the developer's active key of {@code mode}, returning its hash; locks it until commit. */
    public Optional<String> revokeActive(String developerId, KeyMode mode, Instant now) {
        return jdbc.sql("""
                UPDATE api_key SET revoked_at = ?
                WHERE key_hash = (SELECT key_hash FROM api_key
                                  WHERE developer_id = ? AND mode = ? AND revoked_at IS NULL FOR UPDATE)
                RETURNING key_hash""")
                .params(Timestamp.from(now), developerId, mode.wire())
                .query(String.class).optional();
    }

    public Optional<ResolvedKey> resolve(String keyHash) {
        return jdbc.sql("""
                SELECT k.developer_id, k.mode, d.plan, d.name FROM api_key k JOIN developer d ON d.id = k.developer_id
                WHERE k.key_hash = ? AND k.revoked_at IS NULL""")
                .param(keyHash)
                .query((row, n) -> new ResolvedKey(row.getString(1), KeyMode.fromWire(row.getString(2)), row.getString(3),
                        row.getString(4)))
                .optional();
    }

    /** The developer's active keys, by mode. */
    public Map<KeyMode, ActiveKey> activeKeys(String developerId) {
        return jdbc.sql("SELECT mode, prefix, created_at FROM api_key WHERE developer_id = ? AND revoked_at IS NULL")
                .param(developerId)
                .query((row, n) -> Map.entry(KeyMode.fromWire(row.getString(1)),
                        new ActiveKey(row.getString(2), row.getTimestamp(3).toInstant())))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
