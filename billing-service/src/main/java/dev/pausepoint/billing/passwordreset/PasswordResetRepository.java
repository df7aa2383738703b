package dev.pausepoint.billing.passwordreset;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reset links, kept by the SHA-256 of their token: whose they are, until when, and whether spent. */
@Repository
public class PasswordResetRepository {

    /** Whether a link has been used, and whether it had expired at the time asked about. */
    public record ResetLink(boolean used, boolean expired) {
    }

    private final JdbcClient jdbc;

    public PasswordResetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, String developerId, Instant createdAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO password_reset (token_hash, developer_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(tokenHash, developerId, Timestamp.from(createdAt), Timestamp.from(expiresAt))
                .update();
    }

    /** The link with {@code tokenHash} as it stands at {@code now}; empty when there is none. */
    public Optional<ResetLink> find(String tokenHash, Instant now) {
        return jdbc.sql("SELECT used_at IS NOT NULL, expires_at <= ? FROM password_reset WHERE token_hash = ?")
                .params(Timestamp.from(now), tokenHash)
                .query((row, n) -> new ResetLink(row.getBoolean(1), row.getBoolean(2))).optional();
    }

    /**
     * Spends the link if it is unused and unexpired at {@code now}, returning its developer. One conditional
     * update, so of two uses of one link only one gets the developer.
     */
    public Optional<String> use(String tokenHash, Instant now) {
        return jdbc.sql("""
                UPDATE password_reset SET used_at = ?
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                RETURNING developer_id""")
                .params(Timestamp.from(now), tokenHash, Timestamp.from(now)).query(String.class).optional();
    }

    /** Spends every unused link of the developer. */
    public void useAll(String developerId, Instant now) {
        jdbc.sql("UPDATE password_reset SET used_at = ? WHERE developer_id = ? AND used_at IS NULL")
                .params(Timestamp.from(now), developerId).update();
    }
}
