package dev.pausepoint.errors.servlet;

import dev.pausepoint.errors.ErrorBody;
import dev.pausepoint.errors.ErrorMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one advice of every servlet service. It catches everything, including Spring's own exceptions
 * (unknown path, wrong method, unreadable JSON), so the content type is set explicitly: an error is
 * JSON even for a client whose {@code Accept} asked for something else.
 */
@RestControllerAdvice
public class ErrorEnvelopeAdvice {

    private final ErrorMapper mapper;

    public ErrorEnvelopeAdvice(ErrorMapper mapper) {
        this.mapper = mapper;
    }

    @ExceptionHandler(Throwable.class)
    public ResponseEntity<ErrorBody> handle(Throwable failure, HttpServletRequest request) {
        String requestId = ServletErrors.requestId(request);
        String method = request.getMethod();
        String path = request.getRequestURI();
        return ServletErrors.respond(mapper.map(failure, method, path, requestId), failure, method, path, requestId);
    }
}
