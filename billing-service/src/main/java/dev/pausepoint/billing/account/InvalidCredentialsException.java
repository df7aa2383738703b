package dev.pausepoint.billing.account;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;

/** The same answer for an unknown email and a wrong password, so neither tells which it was. */
public class InvalidCredentialsException extends ApiException {

    public InvalidCredentialsException() {
        super(ErrorCode.INVALID_CREDENTIALS, "Email or password is incorrect.");
    }
}
