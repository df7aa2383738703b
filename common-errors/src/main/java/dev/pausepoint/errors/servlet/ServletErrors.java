package dev.pausepoint.errors.servlet;

import dev.pausepoint.errors.ErrorMapper.MappedError;
import dev.pausepoint.errors.RequestIds;
import dev.pausepoint.errors.logging.SecretMasking;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import dev.pausepoint.errors.ErrorBody;

/** What the advice and the error controller share: finding the request id, logging bugs, the entity. */
final class ServletErrors {

    private static final Logger log = LoggerFactory.getLogger(ServletErrors.class);

    private ServletErrors() {
    }

    static String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(RequestIds.ATTRIBUTE);
        return id != null ? id.toString() : RequestIds.accept(request.getHeader(RequestIds.HEADER));
    }

    static ResponseEntity<ErrorBody> respond(MappedError error, Throwable failure, String method, String path,
            String requestId) {
        if (error.unexpected()) {
            log.error("Unhandled failure on {} {} [request id {}]", method, SecretMasking.mask(path), requestId,
                    failure);
        }
        var response = ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON);
        error.headers().forEach(response::header);
        return response.body(error.body());
    }
}
