package dev.pausepoint.billing.loginthrottle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LoginFailureRepository {

    private final JdbcClient jdbc;

    public LoginFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the counting for one address across instances until the transaction ends. */
    void lock(String emailKey) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('login-failure:' || ?, 0))").param(emailKey)
                .query().singleRow();
    }

    /** The times of the address's newest {@code limit} failures after {@code since}, newest first. */
    List<Instant> newest(String emailKey, Instant since, int limit) {
        return jdbc.sql("""
                SELECT failed_at FROM login_failure WHERE email_key = ? AND failed_at > ?
                ORDER BY failed_at DESC LIMIT ?""")
                .params(emailKey, Timestamp.from(since), limit)
                .query((row, n) -> row.getTimestamp(1).toInstant()).list();
    }

    long insert(String emailKey, Instant at) {
        return jdbc.sql("INSERT INTO login_failure (email_key, failed_at) VALUES (?, ?) RETURNING id")
                .params(emailKey, Timestamp.from(at)).query(Long.class).single();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM login_failure WHERE id = ?").param(id).update();
    }

    /** Deletes failures at or before {@code cutoff}; returns how many. */
    int deleteUpTo(Instant cutoff) {
        return jdbc.sql("DELETE FROM login_failure WHERE failed_at <= ?").param(Timestamp.from(cutoff)).update();
    }
}
