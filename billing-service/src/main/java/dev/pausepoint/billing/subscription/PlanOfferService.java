package dev.pausepoint.billing.subscription;

import dev.pausepoint.kit.plan.Plan;
import dev.pausepoint.kit.plan.PlanCatalog;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The plans a developer can compare and buy, from the shared catalogue ({@code pausepoint.plans}) in its
 * order, cheapest first. Answered on an instance without Paddle too: the limits hold there all the same,
 * only nothing is sold.
 */
@Service
public class PlanOfferService {

    private final PlanCatalog plans;
    private final CheckoutService checkouts;
    private final int absoluteMaxTimeoutHours;

    /**
     * {@code absoluteMaxTimeoutHours} is read under pause-service's key, the cap it applies to a plan without
     * one of its own, so one override of it reaches both services and the figure shown is the one applied.
     */
    public PlanOfferService(PlanCatalog plans, CheckoutService checkouts,
            @Value("${pausepoint.pauses.absolute-max-timeout-hours}") int absoluteMaxTimeoutHours) {
        this.plans = plans;
        this.checkouts = checkouts;
        this.absoluteMaxTimeoutHours = absoluteMaxTimeoutHours;
    }

    public List<PlanOffer> offers() {
        return plans.all().values().stream().map(this::offer).toList();
    }

    private PlanOffer offer(Plan plan) {
        int maxTimeoutHours = plan.maxTimeoutHours() == null ? absoluteMaxTimeoutHours : plan.maxTimeoutHours();
        return new PlanOffer(plan.name(), plan.pausesPerMonth(), plan.channels(), maxTimeoutHours,
                checkouts.sells(plan.name()));
    }
}
