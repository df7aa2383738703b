package dev.pausepoint.errors.servlet;

import dev.pausepoint.errors.ErrorBodyJson;
import dev.pausepoint.errors.ErrorMapper.MappedError;
import dev.pausepoint.errors.RequestIds;
import dev.pausepoint.errors.logging.SecretMasking;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

/**
 * Tomcat's error page, replaced. Tomcat refuses some requests before any servlet runs (a request that is
 * not HTTP, a path with {@code %00}, {@code %zz}, an invalid character or escapes that are not UTF-8, a
 * NUL byte in a header) and renders them with its error report valve as HTML; this one answers an error
 * status that reached the host with no body written (Spring's error controller writes one for
 * everything it sees) with the envelope for that status. Tomcat makes it by class name, so it has no
 * Spring dependencies to inject.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorReportValve.class);

    private final ServletErrorMapper mapper = new ServletErrorMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // The same guards as Tomcat's own report: an error, nothing written yet, reported once, I/O possible.
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String method = request.getMethod() == null ? "?" : request.getMethod();
        String path = request.getRequestURI() == null ? "?" : request.getRequestURI();
        Object id = request.getAttribute(RequestIds.ATTRIBUTE);
        String requestId = id != null ? id.toString() : RequestIds.generate();
        MappedError error = mapper.mapStatus(response.getStatus(), method, path, requestId);
        if (error.unexpected()) {
            log.error("Container error {} on {} {} [request id {}]", response.getStatus(), method,
                    SecretMasking.mask(path), requestId, throwable);
        }
        try {
            response.reset();
            response.setStatus(error.status());
            error.headers().forEach(response::setHeader);
            response.setHeader(RequestIds.HEADER, requestId);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            byte[] body = ErrorBodyJson.write(error.body());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile; there is no one to answer.
        }
    }
}
