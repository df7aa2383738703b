package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.pause.longpoll.LongPoll;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1/pause")
public class PauseController {

    private final PauseCreation creation;
    private final PauseService pauses;

    public PauseController(PauseCreation creation, PauseService pauses) {
        this.creation = creation;
        this.pauses = pauses;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CreatedPause create(@RequestBody JsonNode body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, CallerIdentity caller) {
        return creation.create(caller, body, idempotencyKey);
    }

    /**
     * Answers at once, also with {@code ?wait=N}: the gateway holds the wait and reads again on a change
     * ({@link LongPoll}); the parameter is validated here.
     */
    @GetMapping("/{pauseId}")
    public PauseView get(@PathVariable String pauseId, @RequestParam(defaultValue = "0") int wait,
            CallerIdentity caller) {
        LongPoll.checkWait(wait);
        return pauses.get(caller, pauseId);
    }

    @GetMapping
    public PausePage list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String channel, @RequestParam(defaultValue = "20") int limit,
            @RequestParam(defaultValue = "0") int offset, CallerIdentity caller) {
        return pauses.list(caller, status, channel, limit, offset);
    }

    @DeleteMapping("/{pauseId}")
    public PauseView cancel(@PathVariable String pauseId, CallerIdentity caller) {
        return pauses.cancel(caller, pauseId);
    }
}
