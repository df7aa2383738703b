package dev.pausepoint.pause.woken;

import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.pause.lifecycle.Pause;
import dev.pausepoint.pause.lifecycle.PauseService;
import dev.pausepoint.pause.lifecycle.PauseView;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's read of the pauses whose parked long-polls a change woke: one call for up to
 * {@value #MAX_PAUSES} of them instead of one proxied {@code GET /v1/pause/{id}} per waiter, which a
 * burst of 10,000 wakes made the cost (docs/api-decisions.md, "Pauses"). Internal only: the gateway
 * never routes {@code /internal/**}.
 *
 * <p>Each pause is asked for with the developer and mode of the waiter that read it, and answered only
 * in that world, exactly as the public read scopes it; anything else (unknown, another developer's,
 * the other mode's) is {@code null}, so the caller cannot tell them apart either. The answer is
 * positional: {@code {"pauses": [<pause or null>, ...]}}, one entry per entry asked, in order. Each
 * pause is the public read's body byte for byte ({@link PauseService#view} through the same mapper), so the
 * gateway hands the bytes to the waiter as they are.
 */
@RestController
public class WokenPausesController {

    /** Pauses one call may ask for; a longer list is 422, so the caller keeps its batches under it. */
    public static final int MAX_PAUSES = 500;

    private static final byte[] OPEN = "{\"pauses\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /** One entry asked for: a pause, in the world of the waiter that read it. */
    record Wanted(String pauseId, String developerId, boolean livemode) {
    }

    private final PauseService pauses;
    private final JsonMapper json;

    public WokenPausesController(PauseService pauses, JsonMapper json) {
        this.pauses = pauses;
        this.json = json;
    }

    @PostMapping(path = "/internal/pauses/woken", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> read(@RequestBody JsonNode body) {
        List<Wanted> wanted = wanted(body);
        Set<String> ids = new LinkedHashSet<>();
        wanted.forEach(entry -> ids.add(entry.pauseId()));
        Map<String, Pause> found = pauses.findEach(ids).stream()
                .collect(Collectors.toMap(Pause::id, Function.identity()));
        Map<String, PauseView> views = pauses.views(found.values());
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * wanted.size() + 16);
        out.writeBytes(OPEN);
        for (int i = 0; i < wanted.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Wanted entry = wanted.get(i);
            Pause pause = found.get(entry.pauseId());
            boolean theirs = pause != null && pause.developerId().equals(entry.developerId())
                    && pause.livemode() == entry.livemode();
            out.writeBytes(theirs ? json.writeValueAsBytes(views.get(pause.id())) : NULL);
        }
        out.write(']');
        out.write('}');
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toByteArray());
    }

    /** {@code {"pauses": [{"pause_id", "developer_id", "livemode"}, ...]}}, 1 to {@value #MAX_PAUSES} entries. */
    private static List<Wanted> wanted(JsonNode body) {
        JsonNode list = body == null ? null : body.get("pauses");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_PAUSES) {
            throw new ValidationException("pauses", "must be a list of 1 to " + MAX_PAUSES + " pauses");
        }
        List<Wanted> wanted = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String field = "pauses[" + i + "]";
            JsonNode pauseId = entry.get("pause_id");
            JsonNode developerId = entry.get("developer_id");
            JsonNode livemode = entry.get("livemode");
            if (pauseId == null || !pauseId.isString() || developerId == null || !developerId.isString()
                    || livemode == null || !livemode.isBoolean()) {
                throw new ValidationException(field,
                        "must be an object with a pause_id and a developer_id (strings) and a livemode (boolean)");
            }
            wanted.add(new Wanted(pauseId.asString(), developerId.asString(), livemode.asBoolean()));
        }
        return wanted;
    }
}
