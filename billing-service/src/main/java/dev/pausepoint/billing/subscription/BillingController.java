package dev.pausepoint.billing.subscription;

import dev.pausepoint.billing.account.DeveloperRepository;
import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.CallerIdentity;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A developer's side of billing: buying a plan, and what their subscription is. */
@RestController
public class BillingController {

    public record CheckoutRequest(String plan) {
    }

    public record CheckoutResponse(String checkoutUrl) {
    }

    /** {@code status} and the Paddle fields are null for a developer who never subscribed. */
    public record SubscriptionView(String plan, String status, Instant currentPeriodEnd, String scheduledChange,
            Instant scheduledChangeAt, Instant planEndsAt, String paddleSubscriptionId, String paddleCustomerId) {
    }

    private final CheckoutService checkouts;
    private final SubscriptionRepository subscriptions;
    private final DeveloperRepository developers;
    private final PaddleProperties paddle;

    public BillingController(CheckoutService checkouts, SubscriptionRepository subscriptions,
            DeveloperRepository developers, PaddleProperties paddle) {
        this.checkouts = checkouts;
        this.subscriptions = subscriptions;
        this.developers = developers;
        this.paddle = paddle;
    }

    @PostMapping("/v1/billing/checkout")
    public CheckoutResponse checkout(@RequestBody CheckoutRequest request, CallerIdentity caller) {
        caller.requireAuthenticated();
        return new CheckoutResponse(checkouts.checkout(caller.developerId(), request.plan()));
    }

    @GetMapping("/v1/billing/subscription")
    public SubscriptionView subscription(CallerIdentity caller) {
        caller.requireAuthenticated();
        CheckoutService.requireConfigured(paddle);
        String plan = developers.findById(caller.developerId())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_API_KEY, "Unknown developer.")).plan();
        return subscriptions.latestOf(caller.developerId())
                .map(s -> new SubscriptionView(plan, s.status(), s.currentPeriodEnd(), s.scheduledChange(),
                        s.scheduledChangeAt(), s.entitledUntil(), s.paddleSubscriptionId(), s.paddleCustomerId()))
                .orElse(new SubscriptionView(plan, null, null, null, null, null, null, null));
    }
}
