package dev.pausepoint.kit.trust;

import dev.pausepoint.errors.ErrorBody;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.UnauthenticatedCallerException;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers {@code caller.requireAuthenticated()} on an anonymous caller with the API's 401 for a missing
 * credential. The identity contract only says that the caller is anonymous (it knows no error envelope);
 * this advice runs before common-errors' catch-all, which would otherwise call it a 500.
 */
@RestControllerAdvice
public class UnauthenticatedCallerAdvice implements Ordered {

    static final ErrorBody MISSING_CREDENTIAL = ErrorBody.of(ErrorCode.INVALID_API_KEY,
            "Missing or invalid credential. Send Authorization: Bearer <your API key>.");

    @ExceptionHandler(UnauthenticatedCallerException.class)
    public ResponseEntity<ErrorBody> refuse() {
        return ResponseEntity.status(MISSING_CREDENTIAL.statusCode()).contentType(MediaType.APPLICATION_JSON)
                .body(MISSING_CREDENTIAL);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
