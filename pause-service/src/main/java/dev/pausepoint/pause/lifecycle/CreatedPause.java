package dev.pausepoint.pause.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The 201 of create; {@code respond_url} carries the human's single-use token and is shown only here. */
public record CreatedPause(String pauseId, @Schema(allowableValues = "pending") String status, String respondUrl, Instant expiresAt, Instant createdAt,
        boolean livemode) {

    static CreatedPause of(Pause.WithEvent created) {
        Pause pause = created.pause();
        return new CreatedPause(pause.id(), pause.status().wire(), created.event().respondUrl(), pause.expiresAt(),
                pause.createdAt(), pause.livemode());
    }
}
