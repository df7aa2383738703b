package dev.pausepoint.billing.account;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;

public class EmailTakenException extends ApiException {

    public EmailTakenException(String email) {
        super(ErrorCode.EMAIL_TAKEN, "An account with the email " + email + " already exists. Log in instead.");
    }
}
