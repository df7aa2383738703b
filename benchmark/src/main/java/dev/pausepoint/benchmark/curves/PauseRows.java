package dev.pausepoint.benchmark.curves;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pauses written straight into pause-service's {@code pause} table, many at a time: the API would take
 * hours to make millions. The rows satisfy the table's checks and never count as queued for delivery, so
 * neither the settling pauses nor the outbox see them.
 */
final class PauseRows {

    /** Rows per statement: a few seconds each, so progress shows and no transaction grows huge. */
    static final long CHUNK = 250_000;

    /**
     * A history as a live service would hold it: created over the last 90 days by about a thousand
     * developers, the benchmark's own owning a tenth; half live, half test; three quarters answered, a tenth
     * timed out, a tenth cancelled, the rest still pending (expiring in the next 30 days, so the sweeper
     * leaves them alone during the run).
     */
    private static final String HISTORY = """
            INSERT INTO pause (id, developer_id, livemode, status, channel, recipient, message, options,
                allow_text_response, timeout_default, created_at, expires_at, response_choice, response_at,
                cancelled_at, delivery_status, delivery_attempts, delivery_updated_at, delivery_sandbox_message)
            SELECT 'psr_' || gen_random_uuid(), owner, livemode, status, 'sms', '+1415' || (2000000 + n % 7000000),
                   'Seeded request ' || n || ': deploy to production?', '["Approve", "Reject"]'::jsonb, false,
                   'Reject', created,
                   CASE WHEN status = 'pending' THEN now() + interval '1 hour' + random() * interval '30 days'
                        ELSE created + interval '24 hours' END,
                   CASE status WHEN 'responded' THEN 'Approve' WHEN 'timed_out' THEN 'Reject' END,
                   CASE status WHEN 'responded' THEN created + interval '5 minutes'
                               WHEN 'timed_out' THEN created + interval '24 hours' END,
                   CASE WHEN status = 'cancelled' THEN created + interval '10 minutes' END,
                   CASE WHEN livemode THEN 'delivered' ELSE 'sandbox' END, CASE WHEN livemode THEN 1 ELSE 0 END,
                   created, CASE WHEN livemode THEN NULL ELSE 'Seeded request ' || n END
            FROM (SELECT n, CASE WHEN random() < 0.1 THEN ? ELSE 'dev_seeded_' || (n % 997) END AS owner,
                         random() < 0.5 AS livemode,
                         (ARRAY['responded', 'responded', 'responded', 'responded', 'responded', 'responded',
                                'responded', 'responded', 'responded', 'responded', 'responded', 'responded',
                                'responded', 'responded', 'responded', 'timed_out', 'timed_out', 'cancelled',
                                'cancelled', 'pending'])[1 + floor(random() * 20)::int] AS status,
                         date_trunc('second', now() - random() * interval '90 days') AS created
                  FROM generate_series(?::bigint, ?::bigint) AS n) AS seeded""";

    private static final String PENDING = """
            INSERT INTO pause (id, developer_id, livemode, status, channel, recipient, message, options,
                allow_text_response, timeout_default, created_at, expires_at, delivery_status, delivery_updated_at,
                delivery_sandbox_message)
            SELECT 'psr_' || gen_random_uuid(), ?, false, 'pending', 'sms', '+1415' || (2000000 + n),
                   'Seeded pending request ' || n, '["Approve", "Reject"]'::jsonb, false, 'Reject',
                   date_trunc('second', now()), ?, 'sandbox', now(), 'Seeded pending request ' || n
            FROM generate_series(1, ?::bigint) AS n
            RETURNING id""";

    private PauseRows() {
    }

    /**
     * Adds {@code count} rows of history (numbered from {@code first}), then vacuums, analyses and
     * checkpoints, as a table long in service would be: otherwise autovacuum and the checkpoint of the bulk
     * insert would land in the measurements after it.
     */
    static void history(Connection db, String benchmarkDeveloper, long first, long count) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(HISTORY)) {
            for (long from = first; from < first + count; from += CHUNK) {
                long to = Math.min(first + count, from + CHUNK) - 1;
                insert.setString(1, benchmarkDeveloper);
                insert.setLong(2, from);
                insert.setLong(3, to);
                insert.executeUpdate();
                CostCurve.progress("seeded %,d of %,d pauses".formatted(to + 1 - first, count));
            }
        }
        try (Statement settle = db.createStatement()) {
            settle.execute("VACUUM (ANALYZE) pause");
            settle.execute("CHECKPOINT");
        }
    }

    /** {@code count} pending test pauses of {@code developer}, all expiring at {@code expiresAt}; their ids. */
    static List<String> pending(Connection db, String developer, long count, Instant expiresAt) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement insert = db.prepareStatement(PENDING)) {
            insert.setString(1, developer);
            insert.setTimestamp(2, Timestamp.from(expiresAt));
            insert.setLong(3, count);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    static void analyze(Connection db) throws SQLException {
        try (Statement analyze = db.createStatement()) {
            analyze.execute("ANALYZE pause");
        }
    }

    static long count(Connection db) throws SQLException {
        try (Statement count = db.createStatement(); ResultSet row = count.executeQuery("SELECT count(*) FROM pause")) {
            row.next();
            return row.getLong(1);
        }
    }
}
