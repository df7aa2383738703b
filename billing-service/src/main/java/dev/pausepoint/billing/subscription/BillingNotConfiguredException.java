package dev.pausepoint.billing.subscription;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;

/** 503 on an instance without Paddle credentials (docs/api-reference.md, "Billing (Paddle)"). */
public class BillingNotConfiguredException extends ApiException {

    public BillingNotConfiguredException() {
        super(ErrorCode.BILLING_NOT_CONFIGURED, "Billing is not configured on this PausePoint instance: set PADDLE_API_KEY "
                + "and the plans' price ids.");
    }
}
