package dev.pausepoint.delivery.webhook;

import dev.pausepoint.delivery.WholeSeconds;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Developers' endpoints. Every read and change is scoped to the endpoint's developer and world (live or
 * test), so another developer's id, or the other world's, is simply not there. A deleted endpoint keeps
 * its row (its deliveries and attempts reference it) and leaves every read.
 */
@Repository
public class WebhookEndpointRepository {

    private final JdbcClient jdbc;

    public WebhookEndpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises registrations of one developer (a transaction-scoped lock) so a count taken next
     * is still true when the insert commits.
     */
    public int lockAndCountActive(String developerId, boolean livemode) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("webhooks/" + developerId)
                .query(Object.class).single();
        return jdbc.sql("SELECT count(*) FROM webhook_endpoint WHERE developer_id = ? AND livemode = ? AND deleted_at IS NULL")
                .params(developerId, livemode).query(Integer.class).single();
    }

    public void insert(String webhookId, String developerId, boolean livemode, String url, List<String> events,
            String sealedSecret, Instant now) {
        jdbc.sql("""
                INSERT INTO webhook_endpoint (id, developer_id, livemode, url, events, secret_encrypted, created_at)
                VALUES (?, ?, ?, ?, ?::text[], ?, ?)""")
                .params(webhookId, developerId, livemode, url, textArray(events), sealedSecret, Timestamp.from(now))
                .update();
    }

    public List<WebhookView> list(String developerId, boolean livemode) {
        return jdbc.sql("""
                SELECT id, url, events, created_at FROM webhook_endpoint
                WHERE developer_id = ? AND livemode = ? AND deleted_at IS NULL ORDER BY created_at, id""")
                .params(developerId, livemode).query(this::view).list();
    }

    public Optional<WebhookView> find(String webhookId, String developerId, boolean livemode) {
        return jdbc.sql("""
                SELECT id, url, events, created_at FROM webhook_endpoint
                WHERE id = ? AND developer_id = ? AND livemode = ? AND deleted_at IS NULL""")
                .params(webhookId, developerId, livemode).query(this::view).optional();
    }

    /**
     * Locks the endpoint of {@code developerId}'s world {@code livemode} until the transaction ends, if it exists
     * and is not deleted; false otherwise. {@code FOR NO KEY UPDATE}: it serialises tests of one endpoint while
     * deliveries of other events can still be recorded against it (their foreign key's share lock does not wait).
     */
    public boolean lockActive(String webhookId, String developerId, boolean livemode) {
        return jdbc.sql("""
                SELECT id FROM webhook_endpoint
                WHERE id = ? AND developer_id = ? AND livemode = ? AND deleted_at IS NULL FOR NO KEY UPDATE""")
                .params(webhookId, developerId, livemode).query(String.class).optional().isPresent();
    }

    /** Marks the endpoint deleted; false when there was no such endpoint. The row stays: attempts reference it. */
    public boolean delete(String webhookId, String developerId, boolean livemode, Instant now) {
        return jdbc.sql("""
                UPDATE webhook_endpoint SET deleted_at = ?
                WHERE id = ? AND developer_id = ? AND livemode = ? AND deleted_at IS NULL""")
                .params(Timestamp.from(now), webhookId, developerId, livemode).update() == 1;
    }

    /** The live endpoints of a developer's world that asked for {@code event}. */
    public List<String> subscribers(String developerId, boolean livemode, String event) {
        return jdbc.sql("""
                SELECT id FROM webhook_endpoint
                WHERE developer_id = ? AND livemode = ? AND deleted_at IS NULL AND ? = ANY (events) ORDER BY id""")
                .params(developerId, livemode, event).query(String.class).list();
    }

    private WebhookView view(ResultSet row, int n) throws SQLException {
        Array events = row.getArray("events");
        return new WebhookView(row.getString("id"), row.getString("url"), List.of((String[]) events.getArray()),
                WholeSeconds.of(row.getTimestamp("created_at")));
    }

    /** A Postgres text[] literal; the values are ours (ids, event names, URLs), quoted and escaped anyway. */
    private static String textArray(Collection<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
