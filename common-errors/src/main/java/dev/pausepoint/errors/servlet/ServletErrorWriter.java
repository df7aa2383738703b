package dev.pausepoint.errors.servlet;

import dev.pausepoint.errors.ErrorBody;
import dev.pausepoint.errors.ErrorBodyJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/** Writes the envelope from a servlet filter, which answers before Spring MVC and its converters run. */
public final class ServletErrorWriter {

    private ServletErrorWriter() {
    }

    public static void write(HttpServletResponse response, ErrorBody body) throws IOException {
        response.setStatus(body.statusCode());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(ErrorBodyJson.write(body));
    }
}
