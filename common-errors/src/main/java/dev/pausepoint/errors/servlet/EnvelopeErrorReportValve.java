package dev.pausepoint.errors.servlet;

import dev.pausepoint.errors.ErrorBodyJson;
import dev.pausepoint.errors.ErrorMapper.MappedError;
import dev.pausepoint.errors.RequestIds;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;

/**
 * Tomcat refuses some requests before any servlet runs: a path whose escapes are not UTF-8
 * ({@code %ED%A0%80}, {@code %FF}), {@code %00} or {@code %zz} in the path, a NUL byte in a header. Its own
 * valve answers those with an HTML page; this one answers with the envelope, as everything else does.
 * Errors that reached Spring were already rendered by the advice or the error controller, which wrote a
 * body, so Tomcat does not call this for them.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

    private final ServletErrorMapper mapper = new ServletErrorMapper();

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
        MappedError error = mapper.mapStatus(status, request.getMethod(), request.getRequestURI(), requestId);
        try {
            response.setStatus(error.status());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            error.headers().forEach(response::setHeader);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(ErrorBodyJson.write(error.body()), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was taken over; there is no one left to tell.
        }
    }
}
