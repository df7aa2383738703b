package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.kit.plan.Plan;
import dev.pausepoint.kit.plan.PlanCatalog;
import java.time.Duration;

/**
 * What a developer's plan allows a new pause (docs/api-reference.md, "Plans"): a channel the plan offers,
 * and a timeout of at most the plan's cap, or the absolute cap for plans without one. A caller whose plan
 * is not in the catalogue gets the free plan's rules.
 */
final class PlanPolicy {

    private final PlanCatalog plans;
    private final int absoluteMaxTimeoutHours;

    PlanPolicy(PlanCatalog plans, int absoluteMaxTimeoutHours) {
        this.plans = plans;
        this.absoluteMaxTimeoutHours = absoluteMaxTimeoutHours;
    }

    /**
     * The timeout {@code request} gets on {@code planName}: the one asked for, capped. A channel the plan
     * does not offer is 403 CHANNEL_NOT_ALLOWED, naming the cheapest plan that has it; every escalation
     * step's channel too, the message naming the step.
     */
    Duration admit(String planName, NewPause request) {
        Plan plan = plan(planName);
        if (!plan.channels().contains(request.channel())) {
            throw new ChannelNotAllowedException(request.channel(), plan.name(),
                    plans.cheapestWith(request.channel()).map(Plan::name).orElse(null));
        }
        for (FollowUps.EscalationStep step : request.followUps().escalation()) {
            if (!plan.channels().contains(step.channel())) {
                throw new ChannelNotAllowedException("escalation[" + (step.step() - 1) + "]", step.channel(),
                        plan.name(), plans.cheapestWith(step.channel()).map(Plan::name).orElse(null));
            }
        }
        return Duration.ofHours(Math.min(request.timeoutHours(), timeoutCapHours(planName)));
    }

    /** The longest a pause may wait on {@code planName}, in hours. */
    int timeoutCapHours(String planName) {
        Plan plan = plan(planName);
        return plan.maxTimeoutHours() == null ? absoluteMaxTimeoutHours : plan.maxTimeoutHours();
    }

    private Plan plan(String planName) {
        return plans.find(planName).orElseGet(() -> plans.get(PlanCatalog.FREE));
    }
}
