package dev.pausepoint.response.respond;

import dev.pausepoint.kit.asker.Asker;
import dev.pausepoint.kit.trust.InternalClient;
import dev.pausepoint.kit.trust.InternalClients;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * pause-service's internal API, the one place a pause is read or answered. Its errors come back as the
 * same {@link dev.pausepoint.errors.ApiException} (409 ALREADY_RESPONDED, 400 INVALID_CHOICE, ...), and
 * an unreachable pause-service as 503.
 */
@Component
public class PauseClient {

    /**
     * What pause-service tells about a pause: the question, who asks it and what silence means, and how it
     * ended if it did.
     */
    public record PauseForResponse(String pauseId, String status, String message, List<String> options,
            boolean allowTextResponse, Instant expiresAt, String responseChoice, Instant responseAt,
            String timeoutDefault, String accountName, String agentName) {

        public Asker asker() {
            return new Asker(accountName, agentName);
        }

        /** What happens if no one answers in time ({@link Asker#silence}). */
        public String silence() {
            return Asker.silence(expiresAt, timeoutDefault);
        }
    }

    private final InternalClient pauses;
    private final JsonMapper json;

    public PauseClient(InternalClients clients, JsonMapper json) {
        this.pauses = clients.forService("pause-service");
        this.json = json;
    }

    public PauseForResponse find(String pauseId) {
        return json.treeToValue(pauses.get("/internal/pauses/{pauseId}", pauseId), PauseForResponse.class);
    }

    /** Records the human's answer; pause-service's conditional transition decides whether it wins. */
    public PauseForResponse respond(String pauseId, String choice, String text, String actorIp, String userAgent) {
        Map<String, Object> body = new HashMap<>();
        body.put("choice", choice);
        body.put("text", text);
        body.put("actor_ip", actorIp);
        body.put("user_agent", userAgent);
        return json.treeToValue(pauses.post("/internal/pauses/{pauseId}/response", body, pauseId), PauseForResponse.class);
    }
}
