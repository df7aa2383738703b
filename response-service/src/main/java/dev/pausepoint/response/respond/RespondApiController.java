package dev.pausepoint.response.respond;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
import dev.pausepoint.kit.openapi.ApiRequest;
import dev.pausepoint.kit.request.JsonBodies;
import dev.pausepoint.response.respond.PauseClient.PauseForResponse;
import dev.pausepoint.response.respond.Responses.Link;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The JSON face of a response link (docs/api-reference.md, "Human response"), for clients that build their
 * own page.
 */
@RestController
public class RespondApiController {

    /**
     * {@code requested_by} and {@code timeout_default} let a client's own page say who asks and what silence
     * means, as the hosted page does.
     */
    public record LinkView(String pauseId, String message, List<String> options, boolean allowTextResponse,
            @Schema(allowableValues = {"pending", "cancelled"}) String status, Instant expiresAt,
            RequestedBy requestedBy, @Nullable String timeoutDefault) {
    }

    /** The developer's account name when the pause was created, and the agent's own name; each null when unknown. */
    public record RequestedBy(@Nullable String accountName, @Nullable String agentName) {
    }

    @ApiRequest
    public record RespondRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String choice,
            @Nullable @Schema(maxLength = 2000) String text) {
    }

    public record Answered(String pauseId, @Schema(allowableValues = "responded") String status, String choice,
            Instant responseAt) {
    }

    private final Responses responses;

    public RespondApiController(Responses responses) {
        this.responses = responses;
    }

    /** A pending or cancelled pause's question; an answered link is 410 TOKEN_USED, an expired one 410 TOKEN_EXPIRED. */
    @GetMapping("/v1/respond/{token}")
    @ApiOperation(id = "getResponseLink", tag = "Human response", summary = "The question a response link asks",
            access = Access.NONE, errors = {ErrorCode.INVALID_TOKEN, ErrorCode.TOKEN_EXPIRED, ErrorCode.TOKEN_USED},
            description = "The token in the link is the credential. TOKEN_USED carries the recorded choice.")
    public LinkView view(@PathVariable String token) {
        Link link = responses.open(token);
        return switch (link.state()) {
            case ANSWERED -> throw new TokenUsedException(link.choice());
            case EXPIRED -> throw Responses.tokenExpired();
            case PENDING, CANCELLED -> {
                PauseForResponse pause = link.pause();
                yield new LinkView(pause.pauseId(), pause.message(), pause.options(), pause.allowTextResponse(),
                        pause.status(), pause.expiresAt(), new RequestedBy(pause.accountName(), pause.agentName()),
                        pause.timeoutDefault());
            }
        };
    }

    @PostMapping("/v1/respond/{token}")
    @ApiOperation(id = "respond", tag = "Human response", summary = "Record the human's answer",
            access = Access.NONE, body = RespondRequest.class, errors = {ErrorCode.INVALID_TOKEN,
                    ErrorCode.INVALID_CHOICE, ErrorCode.ALREADY_CANCELLED, ErrorCode.TOKEN_EXPIRED,
                    ErrorCode.TOKEN_USED, ErrorCode.VALIDATION_ERROR})
    public Answered respond(@PathVariable String token, @RequestBody JsonNode body, CallerIdentity caller,
            @RequestHeader(name = "User-Agent", required = false) String userAgent) {
        RespondRequest request = JsonBodies.read(body, RespondRequest.class);
        PauseForResponse answered = responses.respond(token, request.choice(), request.text(), caller.clientIp(),
                Responses.trimUserAgent(userAgent));
        return new Answered(answered.pauseId(), answered.status(), answered.responseChoice(), answered.responseAt());
    }
}
