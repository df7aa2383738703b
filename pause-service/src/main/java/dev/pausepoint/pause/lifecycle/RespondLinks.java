package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.kit.token.ResponseTokenCodec;
import java.time.Instant;

/** The human's single-use link to a pause: the public base URL, {@code /respond/} and a signed token. */
final class RespondLinks {

    private final String publicBaseUrl;
    private final ResponseTokenCodec tokens;

    RespondLinks(String publicBaseUrl, ResponseTokenCodec tokens) {
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.tokens = tokens;
    }

    /** A link that names the pause and stops working when it expires. */
    String to(String pauseId, Instant expiresAt) {
        return publicBaseUrl + "/respond/" + tokens.issue(pauseId, expiresAt);
    }

    /** The link of one recipient of the pause: {@code slot} 0 its own ({@link #to(String, Instant)}), 1-3 a step's. */
    String to(String pauseId, Instant expiresAt, int slot) {
        return publicBaseUrl + "/respond/" + tokens.issue(pauseId, expiresAt, slot);
    }
}
