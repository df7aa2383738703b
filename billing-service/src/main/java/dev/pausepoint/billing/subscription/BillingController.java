package dev.pausepoint.billing.subscription;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.request.JsonBodies;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A developer's side of billing: buying a plan, and what their subscription is. */
@RestController
public class BillingController {

    public record CheckoutRequest(String plan) {
    }

    public record CheckoutResponse(String checkoutUrl) {
    }

    private final CheckoutService checkouts;
    private final SubscriptionService subscriptions;

    public BillingController(CheckoutService checkouts, SubscriptionService subscriptions) {
        this.checkouts = checkouts;
        this.subscriptions = subscriptions;
    }

    @PostMapping("/v1/billing/checkout")
    public CheckoutResponse checkout(@RequestBody JsonNode body, CallerIdentity caller) {
        CheckoutRequest request = JsonBodies.read(body, CheckoutRequest.class);
        return new CheckoutResponse(checkouts.checkout(caller.requireAuthenticated(), request.plan()));
    }

    @GetMapping("/v1/billing/subscription")
    public SubscriptionView subscription(CallerIdentity caller) {
        caller.requireAuthenticated();
        return subscriptions.view(caller.developerId());
    }
}
