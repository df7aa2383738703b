package dev.pausepoint.response.respond;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorBody;
import dev.pausepoint.errors.ErrorCode;

/**
 * 410 TOKEN_USED, carrying the recorded answer as {@code choice} (docs/api-reference.md,
 * "Human response").
 */
public class TokenUsedException extends ApiException {

    private final String choice;

    public TokenUsedException(String choice) {
        super(ErrorCode.TOKEN_USED, "This response link was already used; the recorded answer is " + choice + ".");
        this.choice = choice;
    }

    public String choice() {
        return choice;
    }

    @Override
    public ErrorBody toBody() {
        return ErrorBody.tokenUsed(getMessage(), choice);
    }
}
