package dev.pausepoint.billing.credential;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SessionRepository {

    /** A live session: whose it is, the developer's plan and the account's name. */
    public record ResolvedSession(String developerId, String plan, String accountName) {
    }

    private final JdbcClient jdbc;

    public SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String token, String developerId, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO session (token_hash, developer_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(SecretTokens.sha256(token), developerId, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
    }

    public Optional<ResolvedSession> resolve(String tokenHash, Instant now) {
        return jdbc.sql("""
                SELECT s.developer_id, d.plan, d.name FROM session s JOIN developer d ON d.id = s.developer_id
                WHERE s.token_hash = ? AND s.expires_at > ?""")
                .params(tokenHash, Timestamp.from(now))
                .query((row, n) -> new ResolvedSession(row.getString(1), row.getString(2), row.getString(3)))
                .optional();
    }

    /** Ends every session of the developer, after a password change or at logout; none left is no error. */
    public int deleteAll(String developerId) {
        return jdbc.sql("DELETE FROM session WHERE developer_id = ?").param(developerId).update();
    }
}
