package dev.pausepoint.pause.idempotency;

import dev.pausepoint.identity.CallerIdentity;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored keys, per developer and world; a key older than {@link IdempotencyKeys#LIFETIME} counts as free. */
@Repository
public class IdempotencyKeyRepository {

    /** A stored answer: the request it answered and the 201 body. */
    public record Stored(String requestHash, String pauseId, String responseBody) {
    }

    private final JdbcClient jdbc;

    public IdempotencyKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(CallerIdentity caller, String key, Instant now) {
        return jdbc.sql("""
                SELECT request_hash, pause_id, response_body FROM idempotency_key
                WHERE developer_id = ? AND livemode = ? AND key = ? AND created_at > ?""")
                .params(caller.developerId(), caller.livemode(), key, expiry(now))
                .query((row, n) -> new Stored(row.getString(1), row.getString(2), row.getString(3))).optional();
    }

    /**
     * Stores {@code key} inside the caller's transaction. False when another request holds it (it has
     * committed by the time this returns: the insert waits for it).
     */
    public boolean insert(CallerIdentity caller, String key, Stored answer, Instant now) {
        // A key older than its lifetime is free again.
        jdbc.sql("DELETE FROM idempotency_key WHERE developer_id = ? AND livemode = ? AND key = ? AND created_at <= ?")
                .params(caller.developerId(), caller.livemode(), key, expiry(now)).update();
        return jdbc.sql("""
                INSERT INTO idempotency_key (developer_id, livemode, key, request_hash, pause_id, response_body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(caller.developerId(), caller.livemode(), key, answer.requestHash(), answer.pauseId(),
                        answer.responseBody(), Timestamp.from(now))
                .update() == 1;
    }

    /** Deletes keys past their lifetime; the table stays the size of one day of creates. */
    public int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at <= ?").param(expiry(now)).update();
    }

    private static Timestamp expiry(Instant now) {
        return Timestamp.from(now.minus(IdempotencyKeys.LIFETIME));
    }
}
