package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
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
    @ApiOperation(id = "createPause", tag = "Pauses", summary = "Create a pause", access = Access.API_KEY,
            body = CreatePauseRequest.class, errors = {ErrorCode.INVALID_CHANNEL, ErrorCode.INVALID_OPTIONS,
                    ErrorCode.CHANNEL_NOT_ALLOWED, ErrorCode.PLAN_LIMIT_REACHED, ErrorCode.IDEMPOTENCY_CONFLICT,
                    ErrorCode.VALIDATION_ERROR},
            description = "Asks a human a question over SMS, email or Slack. The same Idempotency-Key and body"
                    + " within 24 h return the original 201 byte for byte.")
    public CreatedPause create(@RequestBody JsonNode body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, CallerIdentity caller) {
        return creation.create(caller, body, idempotencyKey);
    }

    /**
     * Answers at once, also with {@code ?wait=N}: the gateway holds the wait and reads again on a change
     * ({@link LongPoll}); the parameter is validated here.
     */
    @GetMapping("/{pauseId}")
    @ApiOperation(id = "getPause", tag = "Pauses", summary = "Read a pause, optionally waiting for its answer",
            access = Access.API_KEY, errors = {ErrorCode.PAUSE_NOT_FOUND, ErrorCode.VALIDATION_ERROR,
                    ErrorCode.RATE_LIMITED, ErrorCode.SERVICE_UNAVAILABLE},
            description = "With wait=N (0-30 seconds) the answer comes as soon as the pause leaves pending, or"
                    + " when the wait ends.")
    public PauseView get(@PathVariable String pauseId, @RequestParam(defaultValue = "0") int wait,
            CallerIdentity caller) {
        LongPoll.checkWait(wait);
        return pauses.get(caller, pauseId);
    }

    @GetMapping
    @ApiOperation(id = "listPauses", tag = "Pauses", summary = "List pauses, newest first", access = Access.API_KEY,
            errors = ErrorCode.VALIDATION_ERROR)
    public PausePage list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String channel, @RequestParam(defaultValue = "20") int limit,
            @RequestParam(defaultValue = "0") int offset, CallerIdentity caller) {
        return pauses.list(caller, status, channel, limit, offset);
    }

    @DeleteMapping("/{pauseId}")
    @ApiOperation(id = "cancelPause", tag = "Pauses", summary = "Cancel a pending pause", access = Access.API_KEY,
            errors = {ErrorCode.PAUSE_NOT_FOUND, ErrorCode.ALREADY_RESPONDED, ErrorCode.ALREADY_CANCELLED,
                    ErrorCode.ALREADY_TIMED_OUT})
    public PauseView cancel(@PathVariable String pauseId, CallerIdentity caller) {
        return pauses.cancel(caller, pauseId);
    }
}
