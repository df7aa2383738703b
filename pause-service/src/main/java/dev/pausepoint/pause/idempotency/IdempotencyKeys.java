package dev.pausepoint.pause.idempotency;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.errors.servlet.UnstorableText;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.digest.Sha256;
import dev.pausepoint.pause.idempotency.IdempotencyKeyRepository.Stored;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Idempotency-Key} (docs/api-reference.md, "Pauses"): within 24 h the same key and body return the
 * original 201 and send nothing again; the same key with another body is 409. Keys belong to a developer
 * and a world. The key is claimed in the create transaction, before the pause is stored, so a concurrent
 * request with the same key waits on it and then answers from it: one key, one pause.
 */
@Component
public class IdempotencyKeys {

    public static final int MAX_LENGTH = 255;
    public static final Duration LIFETIME = Duration.ofHours(24);

    /** Handed to the work {@link #once} runs, which calls it in the transaction that stores its result. */
    @FunctionalInterface
    public interface Claim {

        /**
         * Takes the key for {@code pauseId}, with {@code answer} as what replays return. If another request
         * holds it, this throws, so the transaction rolls back and {@link #once} answers with the winner's.
         */
        void claim(String pauseId, Object answer);
    }

    private final IdempotencyKeyRepository keys;
    private final JsonMapper json;
    private final Clock clock;

    public IdempotencyKeys(IdempotencyKeyRepository keys, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /**
     * {@code work}'s answer, once per key and body. Without a key, {@code work} just runs. A stored answer
     * for the key is replayed (409 for another body). Otherwise {@code work} runs and claims the key in the
     * transaction that stores its result; if a concurrent request with the key claimed it first, that
     * transaction rolls back, whatever {@code work} undoes on failure is undone, and the winner's answer
     * is returned.
     */
    public <T> T once(CallerIdentity caller, String key, JsonNode body, Class<T> answerType, Function<Claim, T> work) {
        check(key);
        if (key == null) {
            return work.apply((pauseId, answer) -> { });
        }
        String requestHash = hash(body);
        Optional<Stored> stored = keys.find(caller, key, clock.instant());
        if (stored.isPresent()) {
            return replay(stored.get(), requestHash, answerType);
        }
        try {
            return work.apply((pauseId, answer) -> {
                Stored mine = new Stored(requestHash, pauseId, json.writeValueAsString(answer));
                if (!keys.insert(caller, key, mine, clock.instant().truncatedTo(ChronoUnit.SECONDS))) {
                    throw new KeyTaken();
                }
            });
        } catch (KeyTaken lost) {
            Stored winner = keys.find(caller, key, clock.instant())
                    .orElseThrow(() -> new IllegalStateException("idempotency key vanished: " + key));
            return replay(winner, requestHash, answerType);
        }
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

    /** The stored answer for a replay of the same body, or 409 for a different one. */
    private <T> T replay(Stored stored, String requestHash, Class<T> answerType) {
        if (!stored.requestHash().equals(requestHash)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "This Idempotency-Key was already used with a different request body.");
        }
        return json.readValue(stored.responseBody(), answerType);
    }

    /** The SHA-256 of the body with object keys sorted, so field order does not make a different body. */
    private String hash(JsonNode body) {
        return Sha256.hex(json.writeValueAsString(canonical(body)));
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

    /** Another request holds the key: unwinds the work (and its transaction) up to {@link #once}. */
    private static final class KeyTaken extends RuntimeException {

        KeyTaken() {
            super("idempotency key taken by a concurrent request");
        }
    }
}
