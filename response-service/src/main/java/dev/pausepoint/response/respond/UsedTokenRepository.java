package dev.pausepoint.response.respond;

import dev.pausepoint.kit.digest.Sha256;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The single-use ledger: a token that has been spent, and on what. A replay is answered from here
 * without asking pause-service; pause-service's conditional transition stays the authority, so a
 * response recorded there but not here yet (a crash in between) is still found and written back.
 */
@Repository
public class UsedTokenRepository {

    public record Spent(String choice, Instant usedAt) {
    }

    private final JdbcClient jdbc;

    public UsedTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Spent> find(String token) {
        return jdbc.sql("SELECT choice, used_at FROM used_token WHERE token_hash = ?")
                .param(hash(token))
                .query((row, n) -> new Spent(row.getString("choice"), row.getTimestamp("used_at").toInstant()))
                .optional();
    }

    /** The first record of a token stays; later ones (a racing request writing the same fact) are no-ops. */
    public void record(String token, String pauseId, String choice, Instant usedAt) {
        jdbc.sql("""
                INSERT INTO used_token (token_hash, pause_id, choice, used_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (token_hash) DO NOTHING""")
                .params(hash(token), pauseId, choice, Timestamp.from(usedAt))
                .update();
    }

    private static String hash(String token) {
        return Sha256.hex(token);
    }
}
