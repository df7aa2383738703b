package dev.pausepoint.billing.subscription;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.request.JsonBodies;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A developer's side of billing: the plans on offer, buying one, and what their subscription is. */
@RestController
public class BillingController {

    public record CheckoutRequest(String plan) {
    }

    public record CheckoutResponse(String checkoutUrl) {
    }

    public record PlansResponse(List<PlanOffer> items) {
    }

    private final CheckoutService checkouts;
    private final SubscriptionService subscriptions;
    private final PlanOfferService offers;

    public BillingController(CheckoutService checkouts, SubscriptionService subscriptions, PlanOfferService offers) {
        this.checkouts = checkouts;
        this.subscriptions = subscriptions;
        this.offers = offers;
    }

    /** Any credential of the account, in either world, on any instance: the plans' rules are the same everywhere. */
    @GetMapping("/v1/billing/plans")
    public PlansResponse plans(CallerIdentity caller) {
        caller.requireAuthenticated();
        return new PlansResponse(offers.offers());
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
