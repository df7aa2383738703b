package dev.pausepoint.dashboard.billing;

import dev.pausepoint.dashboard.api.ApiClient;
import dev.pausepoint.dashboard.api.ApiClient.Path;
import dev.pausepoint.dashboard.api.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The billing calls of the public API (docs/api-reference.md, "Billing (Paddle)"). */
@Component
public class BillingApi {

    public record Subscription(String plan, String status, Instant currentPeriodEnd, String scheduledChange,
            Instant scheduledChangeAt, Instant planEndsAt, String paddleSubscriptionId) {
    }

    public record Plan(String plan, Long pausesPerMonth, List<String> channels, Integer maxTimeoutHours, boolean sold) {
    }

    public record Plans(List<Plan> items) {
    }

    public record Checkout(String checkoutUrl) {
    }

    private final ApiClient api;

    public BillingApi(ApiClient api) {
        this.api = api;
    }

    public Subscription subscription(Caller caller) {
        return api.read(api.get(caller, Path.of("/v1/billing/subscription")), Subscription.class);
    }

    public List<Plan> plans(Caller caller) {
        return api.read(api.get(caller, Path.of("/v1/billing/plans")), Plans.class).items();
    }

    public Checkout checkout(Caller caller, String plan) {
        return api.read(api.post(caller, Path.of("/v1/billing/checkout"), Map.of("plan", plan)), Checkout.class);
    }
}
