package dev.pausepoint.billing.subscription;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
import dev.pausepoint.kit.openapi.ApiRequest;
import dev.pausepoint.kit.request.JsonBodies;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A developer's side of billing: the plans on offer, buying one, and what their subscription is. */
@RestController
public class BillingController {

    @ApiRequest
    public record CheckoutRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"starter", "pro", "enterprise"}) String plan) {
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
    @ApiOperation(id = "listPlans", tag = "Billing", summary = "Every plan, cheapest first", access = Access.CREDENTIAL)
    public PlansResponse plans(CallerIdentity caller) {
        caller.requireAuthenticated();
        return new PlansResponse(offers.offers());
    }

    @PostMapping("/v1/billing/checkout")
    @ApiOperation(id = "checkout", tag = "Billing", summary = "A Paddle checkout link for a plan",
            access = Access.CREDENTIAL, body = CheckoutRequest.class, errors = {ErrorCode.KEY_MODE_NOT_ALLOWED,
                    ErrorCode.BILLING_NOT_CONFIGURED, ErrorCode.VALIDATION_ERROR, ErrorCode.SERVICE_UNAVAILABLE},
            description = "A live API key or a session; a test key is 403 KEY_MODE_NOT_ALLOWED.")
    public CheckoutResponse checkout(@RequestBody JsonNode body, CallerIdentity caller) {
        CheckoutRequest request = JsonBodies.read(body, CheckoutRequest.class);
        return new CheckoutResponse(checkouts.checkout(caller.requireAuthenticated(), request.plan()));
    }

    @GetMapping("/v1/billing/subscription")
    @ApiOperation(id = "getSubscription", tag = "Billing", summary = "The developer's latest subscription",
            access = Access.CREDENTIAL, errors = ErrorCode.BILLING_NOT_CONFIGURED)
    public SubscriptionView subscription(CallerIdentity caller) {
        caller.requireAuthenticated();
        return subscriptions.view(caller.developerId());
    }
}
