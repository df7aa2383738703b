package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.kit.asker.Asker;
import dev.pausepoint.kit.outbox.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class PauseRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public PauseRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The statement that stores a new pause; run with its event ({@link PauseEvents#publishWith}). */
    Outbox.Write insertion(Pause pause) {
        return new Outbox.Write("""
                INSERT INTO pause (id, developer_id, livemode, status, channel, recipient, message, options,
                    allow_text_response, timeout_default, metadata, created_at, expires_at, agent_name, account_name,
                    has_schedule)
                VALUES (?, ?, ?, 'pending', ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""",
                pause.id(), pause.developerId(), pause.livemode(), pause.channel(), pause.recipient(),
                pause.message(), json.writeValueAsString(pause.options()), pause.allowTextResponse(),
                pause.timeoutDefault(), pause.metadata() == null ? null : pause.metadata().toString(),
                Timestamp.from(pause.createdAt()), Timestamp.from(pause.expiresAt()), pause.asker().agentName(),
                pause.asker().accountName(), pause.hasSchedule());
    }

    /** The pause if it exists in the caller's world; another developer's or world's is simply absent. */
    public Optional<Pause> find(String id, String developerId, boolean livemode) {
        return jdbc.sql("SELECT * FROM pause WHERE id = ? AND developer_id = ? AND livemode = ?")
                .params(id, developerId, livemode).query(this::map).optional();
    }

    public Optional<Pause> find(String id) {
        return jdbc.sql("SELECT * FROM pause WHERE id = ?").param(id).query(this::map).optional();
    }

    /** Those of these pauses that exist, in any order and any developer's: one statement for the lot. */
    public List<Pause> findEach(Collection<String> ids) {
        return jdbc.sql("SELECT * FROM pause WHERE id = ANY(?)").param(ids.toArray(String[]::new)).query(this::map)
                .list();
    }

    /** A page of the developer's pauses of one world, newest first: index {@code pause_listing}. */
    static final String LIST = """
            SELECT * FROM pause WHERE developer_id = ? AND livemode = ?
            ORDER BY seq DESC LIMIT ? OFFSET ?""";

    /**
     * The same, of one status: index {@code pause_listing_by_status}, so that a page costs a page
     * however many newer pauses have other statuses. A separate statement rather than an optional
     * filter in {@link #LIST}: a prepared statement's plan cannot depend on whether the filter is null.
     */
    static final String LIST_BY_STATUS = """
            SELECT * FROM pause WHERE developer_id = ? AND livemode = ? AND status = ?
            ORDER BY seq DESC LIMIT ? OFFSET ?""";

    /** The same, of one channel and one status: index {@code pause_listing_by_channel}. */
    static final String LIST_BY_CHANNEL_AND_STATUS = """
            SELECT * FROM pause WHERE developer_id = ? AND livemode = ? AND channel = ? AND status = ?
            ORDER BY seq DESC LIMIT ? OFFSET ?""";

    /**
     * The same, of one channel and every status. Index {@code pause_listing_by_channel} holds each status's
     * pauses of the channel as its own run, newest first: each run is read up to the page's end (its own
     * {@code LIMIT}, offset plus limit), and the page is cut from those, so this too costs at most a page
     * per status, and one index serves the channel with and without a status. Without the inner limits the
     * planner may read every pause of the channel and sort them instead (it chose that on a test table of
     * 40,000 pauses, half of them one developer's).
     */
    static final String LIST_BY_CHANNEL = Arrays.stream(PauseStatus.values())
            .map(status -> "(SELECT * FROM pause WHERE developer_id = :developer AND livemode = :livemode"
                    + " AND channel = :channel AND status = '" + status.wire() + "' ORDER BY seq DESC LIMIT :end)")
            .collect(Collectors.joining("\n    UNION ALL ", "SELECT * FROM (",
                    ") listed ORDER BY seq DESC LIMIT :limit OFFSET :offset"));

    /** One page, newest first; one row more than asked tells whether there is a next page. */
    public List<Pause> list(String developerId, boolean livemode, PauseStatus status, String channel, int limit,
            int offset) {
        JdbcClient.StatementSpec query;
        if (channel == null) {
            query = status == null
                    ? jdbc.sql(LIST).params(developerId, livemode, limit, offset)
                    : jdbc.sql(LIST_BY_STATUS).params(developerId, livemode, status.wire(), limit, offset);
        } else {
            query = status == null
                    ? jdbc.sql(LIST_BY_CHANNEL).params(Map.of("developer", developerId, "livemode", livemode,
                            "channel", channel, "end", (long) offset + limit, "limit", limit, "offset", offset))
                    : jdbc.sql(LIST_BY_CHANNEL_AND_STATUS).params(developerId, livemode, channel, status.wire(), limit,
                            offset);
        }
        return query.query(this::map).list();
    }

    /**
     * How many of the developer's pauses of one world were created on each UTC day from {@code from} to
     * {@code to}, by the status each has now: one pass over the range of index {@code pause_created_by_day},
     * which holds the status too, so that it can be answered from the index alone. Days without pauses are
     * absent.
     */
    static final String COUNT_CREATED_BY_DAY = """
            SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS created,
                   count(*) FILTER (WHERE status = 'pending') AS pending,
                   count(*) FILTER (WHERE status = 'responded') AS responded,
                   count(*) FILTER (WHERE status = 'timed_out') AS timed_out,
                   count(*) FILTER (WHERE status = 'cancelled') AS cancelled
            FROM pause WHERE developer_id = ? AND livemode = ? AND created_at >= ? AND created_at < ?
            GROUP BY day ORDER BY day""";

    public List<DailyPauseCounts> countCreatedByDay(String developerId, boolean livemode, LocalDate from,
            LocalDate to) {
        return jdbc.sql(COUNT_CREATED_BY_DAY)
                .params(developerId, livemode, startOf(from), startOf(to.plusDays(1)))
                .query((row, number) -> new DailyPauseCounts(row.getObject("day", LocalDate.class),
                        row.getInt("created"), row.getInt("pending"), row.getInt("responded"), row.getInt("timed_out"),
                        row.getInt("cancelled")))
                .list();
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /**
     * The one way a pause is cancelled: only while pending and before expiry (after it, it timed out).
     * {@code now} is precise for the comparison; the stored time has whole seconds like every API time.
     */
    public Optional<Pause> cancel(String id, String developerId, boolean livemode, Instant now) {
        return jdbc.sql("""
                UPDATE pause SET status = 'cancelled', cancelled_at = ?
                WHERE id = ? AND developer_id = ? AND livemode = ? AND status = 'pending' AND expires_at > ?
                RETURNING *""")
                .params(wholeSeconds(now), id, developerId, livemode, Timestamp.from(now)).query(this::map).optional();
    }

    /** The one way a human's answer is recorded: only while pending and before expiry (precise {@code now}). */
    public Optional<Pause> respond(String id, String choice, String text, Instant now) {
        return jdbc.sql("""
                UPDATE pause SET status = 'responded', response_choice = ?, response_text = ?, response_at = ?
                WHERE id = ? AND status = 'pending' AND expires_at > ? RETURNING *""")
                .params(choice, text, wholeSeconds(now), id, Timestamp.from(now)).query(this::map).optional();
    }

    /**
     * Those of these pauses still pending and unexpired at {@code now}, share-locked until the caller's
     * transaction ends: a respond, cancel or timeout of one of them waits for that end, and one that
     * committed first has taken the pause out of this answer. What a follow-up's emission stands on.
     */
    List<Pause> lockPending(Collection<String> ids, Instant now) {
        return jdbc.sql("SELECT * FROM pause WHERE id = ANY(?) AND status = 'pending' AND expires_at > ? FOR SHARE")
                .params(ids.toArray(String[]::new), Timestamp.from(now)).query(this::map).list();
    }

    /**
     * Moves up to {@code limit} expired pending pauses to timed_out, with the default as the choice.
     * SKIP LOCKED lets several sweepers share the work without waiting on or repeating each other.
     */
    public List<Pause> timeOutExpired(Instant now, int limit) {
        return jdbc.sql("""
                UPDATE pause p SET status = 'timed_out', response_choice = p.timeout_default,
                    response_at = CASE WHEN p.timeout_default IS NULL THEN NULL ELSE p.expires_at END
                WHERE p.id IN (SELECT id FROM pause WHERE status = 'pending' AND expires_at <= ?
                               ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)
                  AND p.status = 'pending'
                RETURNING p.*""")
                .params(Timestamp.from(now), limit).query(this::map).list();
    }

    Pause map(ResultSet row, int number) throws SQLException {
        String metadata = row.getString("metadata");
        return new Pause(row.getString("id"), row.getString("developer_id"), row.getBoolean("livemode"),
                PauseStatus.fromWire(row.getString("status")).orElseThrow(), row.getString("channel"),
                row.getString("recipient"), row.getString("message"),
                List.of(json.readValue(row.getString("options"), String[].class)), row.getBoolean("allow_text_response"),
                row.getString("timeout_default"), metadata == null ? null : json.readTree(metadata),
                instant(row, "created_at"), instant(row, "expires_at"),
                new Pause.Outcome(row.getString("response_choice"), row.getString("response_text"),
                        instant(row, "response_at"), instant(row, "cancelled_at")),
                new Pause.Delivery(row.getString("delivery_status"), row.getInt("delivery_attempts"),
                        row.getString("delivery_last_error"), instant(row, "delivery_updated_at"),
                        row.getString("delivery_sandbox_message")),
                new Asker(row.getString("account_name"), row.getString("agent_name")), row.getBoolean("has_schedule"));
    }

    private static Timestamp wholeSeconds(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    JsonNode readJson(String text) {
        return json.readTree(text);
    }
}
