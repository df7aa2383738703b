package dev.pausepoint.client;

/**
 * 402 {@code PLAN_LIMIT_REACHED}: the month's pause quota is used up (the message names the limit and the next
 * plan).
 */
public class PlanLimitReachedException extends PausePointException {

    public PlanLimitReachedException(ApiError error) {
        super(error);
    }
}
