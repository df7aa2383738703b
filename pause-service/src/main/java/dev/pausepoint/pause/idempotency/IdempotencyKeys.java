package dev.pausepoint.pause.idempotency;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.errors.servlet.UnstorableText;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.digest.Sha256;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Idempotency-Key} (docs/api-reference.md, "Pauses"): within 24 h the same key and body return the
 * original 201 and send nothing again; the same key with another body is 409. Keys belong to a developer
 * and a world. The row is written in the create transaction, before the pause, so a concurrent request with
 * the same key waits on it and then answers from it: one key, one pause.
 */
@Component
public class IdempotencyKeys {

    public static final int MAX_LENGTH = 255;
    public static final Duration LIFETIME = Duration.ofHours(24);

    /** A stored answer: the request it answered and the 201 body. */
    public record Stored(String requestHash, String pauseId, String responseBody) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public IdempotencyKeys(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The key is stored, so it must be text Postgres can hold. Tomcat already refuses a NUL byte in a
     * header and reads header bytes as ISO-8859-1 (no surrogates), so this holds the rule for any other
     * way a key might arrive.
     */
    public static void check(String key) {
        if (key != null && (key.isEmpty() || key.length() > MAX_LENGTH)) {
            throw new ValidationException("Idempotency-Key", "header must be 1 to " + MAX_LENGTH + " characters");
        }
        UnstorableText.check("Idempotency-Key", key);
    }

    /** The SHA-256 of the body with object keys sorted, so field order does not make a different body. */
    public String hash(JsonNode body) {
        return Sha256.hex(json.writeValueAsString(canonical(body)));
    }

    public Optional<Stored> find(CallerIdentity caller, String key, Instant now) {
        return jdbc.sql("""
                SELECT request_hash, pause_id, response_body FROM idempotency_key
                WHERE developer_id = ? AND livemode = ? AND key = ? AND created_at > ?""")
                .params(caller.developerId(), caller.livemode(), key, Timestamp.from(now.minus(LIFETIME)))
                .query((row, n) -> new Stored(row.getString(1), row.getString(2), row.getString(3))).optional();
    }

    /**
     * Claims {@code key} for this request inside the caller's transaction. False when another request
     * holds it (it has committed by the time this returns: the insert waits for it).
     */
    public boolean claim(CallerIdentity caller, String key, String requestHash, String pauseId, String responseBody,
            Instant now) {
        // A key older than its lifetime is free again.
        jdbc.sql("DELETE FROM idempotency_key WHERE developer_id = ? AND livemode = ? AND key = ? AND created_at <= ?")
                .params(caller.developerId(), caller.livemode(), key, Timestamp.from(now.minus(LIFETIME))).update();
        return jdbc.sql("""
                INSERT INTO idempotency_key (developer_id, livemode, key, request_hash, pause_id, response_body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(caller.developerId(), caller.livemode(), key, requestHash, pauseId, responseBody,
                        Timestamp.from(now))
                .update() == 1;
    }

    /** The stored answer for a replay of the same body, or 409 for a different one. */
    public static String replay(Stored stored, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "This Idempotency-Key was already used with a different request body.");
        }
        return stored.responseBody();
    }

    /** Deletes keys past their lifetime; the table stays the size of one day of creates. */
    public int purgeExpired(Instant now) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at <= ?").param(Timestamp.from(now.minus(LIFETIME)))
                .update();
    }

    private JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext();) {
                String name = names.next();
                sorted.put(name, canonical(node.get(name)));
            }
            ObjectNode copy = json.createObjectNode();
            sorted.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = json.createArrayNode();
            node.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        return node;
    }
}
