package dev.pausepoint.errors.servlet;

import dev.pausepoint.errors.ErrorBody;
import dev.pausepoint.errors.ErrorMapper;
import dev.pausepoint.errors.ErrorMapper.MappedError;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Handles the container's error dispatch: failures in filters, {@code sendError} calls, and anything
 * that never reached a controller. Replaces Boot's whitelabel page and its JSON error attributes.
 */
@RestController
public class ErrorEnvelopeController implements ErrorController {

    private final ErrorMapper mapper;

    public ErrorEnvelopeController(ErrorMapper mapper) {
        this.mapper = mapper;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ErrorBody> error(HttpServletRequest request) {
        String requestId = ServletErrors.requestId(request);
        String method = request.getMethod();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri != null ? uri.toString() : request.getRequestURI();
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        MappedError error = failure != null
                ? mapper.map(failure, method, path, requestId)
                : mapper.mapStatus(status instanceof Integer code ? code : 500, method, path, requestId);
        return ServletErrors.respond(error, failure, method, path, requestId);
    }
}
