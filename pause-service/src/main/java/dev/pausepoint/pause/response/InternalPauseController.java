package dev.pausepoint.pause.response;

import dev.pausepoint.kit.request.JsonBodies;
import dev.pausepoint.pause.lifecycle.Pause;
import dev.pausepoint.pause.lifecycle.PauseNotFoundException;
import dev.pausepoint.pause.lifecycle.PauseService;
import dev.pausepoint.pause.lifecycle.PauseTransitions;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * What response-service needs, on the internal API only: read the pause a token names, and record the
 * human's answer. pause-service stays the one writer of a pause's status.
 */
@RestController
public class InternalPauseController {

    /**
     * The page's view of a pause: the question, who asks it and what silence means, and how it ended if
     * it did.
     */
    public record PauseForResponse(String pauseId, String developerId, boolean livemode, String status, String message,
            List<String> options, boolean allowTextResponse, Instant expiresAt, String responseChoice,
            String responseText, Instant responseAt, String timeoutDefault, String accountName, String agentName) {

        static PauseForResponse of(Pause pause) {
            return new PauseForResponse(pause.id(), pause.developerId(), pause.livemode(), pause.status().wire(),
                    pause.message(), pause.options(), pause.allowTextResponse(), pause.expiresAt(),
                    pause.outcome().responseChoice(), pause.outcome().responseText(), pause.outcome().responseAt(),
                    pause.timeoutDefault(), pause.asker().accountName(), pause.asker().agentName());
        }
    }

    public record RecordResponse(String choice, String text, String actorIp, String userAgent) {
    }

    private final PauseService pauses;
    private final PauseTransitions transitions;

    public InternalPauseController(PauseService pauses, PauseTransitions transitions) {
        this.pauses = pauses;
        this.transitions = transitions;
    }

    @GetMapping("/internal/pauses/{pauseId}")
    public PauseForResponse get(@PathVariable String pauseId) {
        return pauses.find(pauseId).map(PauseForResponse::of).orElseThrow(() -> new PauseNotFoundException(pauseId));
    }

    @PostMapping("/internal/pauses/{pauseId}/response")
    public PauseForResponse respond(@PathVariable String pauseId, @RequestBody JsonNode body) {
        RecordResponse response = JsonBodies.read(body, RecordResponse.class);
        return PauseForResponse.of(transitions.respond(pauseId, response.choice(), response.text(), response.actorIp(),
                response.userAgent()));
    }
}
