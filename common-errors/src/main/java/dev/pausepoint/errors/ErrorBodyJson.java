package dev.pausepoint.errors;

import tools.jackson.databind.json.JsonMapper;

/**
 * Serialises the envelope where no message converter is at hand: servlet filters that answer before
 * Spring MVC runs, and the reactive error handler.
 */
public final class ErrorBodyJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ErrorBodyJson() {
    }

    public static byte[] write(ErrorBody body) {
        return MAPPER.writeValueAsBytes(body);
    }
}
