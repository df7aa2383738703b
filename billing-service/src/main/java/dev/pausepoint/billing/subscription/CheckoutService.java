package dev.pausepoint.billing.subscription;

import dev.pausepoint.billing.credential.KeyModePolicy;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.plan.PlanCatalog;
import java.util.List;
import org.springframework.stereotype.Service;

/** Starts a purchase of a plan: a Paddle transaction for the plan's price, linked to the developer. */
@Service
public class CheckoutService {

    private final PaddleProperties paddle;
    private final PaddleClient client;
    private final PlanCatalog plans;
    private final SubscriptionRepository subscriptions;

    public CheckoutService(PaddleProperties paddle, PaddleClient client, PlanCatalog plans,
            SubscriptionRepository subscriptions) {
        this.paddle = paddle;
        this.client = client;
        this.plans = plans;
        this.subscriptions = subscriptions;
    }

    /**
     * Whether {@link #checkout} with {@code plan} goes to Paddle: this instance has Paddle credentials, and the
     * plan is in the catalogue, is not free and has a price id.
     */
    public boolean sells(String plan) {
        return paddle.configured() && plans.find(plan).isPresent() && !plan.equals(PlanCatalog.FREE)
                && paddle.priceOf(plan).isPresent();
    }

    /**
     * The Paddle checkout URL for {@code plan}; 403 for a test key, which never spends real money, and 422
     * for a plan that is not sold through checkout.
     */
    public String checkout(CallerIdentity caller, String plan) {
        KeyModePolicy.requireMayPay(caller);
        paddle.requireConfigured();
        String developerId = caller.developerId();
        List<String> sold = plans.all().keySet().stream().filter(this::sells).toList();
        if (plan == null || plan.isBlank()) {
            throw new ValidationException("plan", "is required; one of: " + String.join(", ", sold));
        }
        if (plans.find(plan).isEmpty()) {
            throw new ValidationException("plan", "must be one of: " + String.join(", ", sold));
        }
        if (plan.equals(PlanCatalog.FREE)) {
            throw new ValidationException("plan", "free needs no checkout: every account starts on it, and a canceled "
                    + "subscription returns to it");
        }
        String priceId = paddle.priceOf(plan).orElseThrow(() -> new ValidationException("plan",
                plan + " is not sold through checkout; contact us to arrange it"));
        // A returning customer keeps their Paddle customer, so Paddle shows one history per developer.
        String customerId = subscriptions.latestOf(developerId).map(Subscription::paddleCustomerId).orElse(null);
        return client.createCheckout(priceId, developerId, customerId);
    }
}
