package dev.pausepoint.dashboard.billing;

import dev.pausepoint.dashboard.account.AccountApi;
import dev.pausepoint.dashboard.api.ApiFailure;
import dev.pausepoint.dashboard.billing.BillingApi.Plan;
import dev.pausepoint.dashboard.billing.BillingApi.Subscription;
import dev.pausepoint.dashboard.DashboardProperties;
import dev.pausepoint.dashboard.web.Frame;
import dev.pausepoint.dashboard.web.Pages;
import dev.pausepoint.dashboard.web.Redirect;
import dev.pausepoint.dashboard.web.SignedIn;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plan, the subscription and the upgrade. An upgrade asks the API for a Paddle checkout link and
 * sends the browser there; the page's Content-Security-Policy lets a form continue only to the origins
 * configured as Paddle's ({@code DASHBOARD_CHECKOUT_ORIGINS}), so for a link elsewhere the dashboard
 * shows the link to follow instead of a redirect the browser would block.
 */
@RestController
public class BillingController {

    /**
     * @param configured false when this instance has no Paddle credentials: the page says so and offers no
     *        upgrade
     */
    public record BillingPage(Frame frame, String plan, Subscription subscription, boolean configured,
            List<Plan> plans) {
    }

    public record ContinuePage(Frame frame, String plan, String checkoutUrl) {
    }

    private final BillingApi billing;
    private final AccountApi accounts;
    private final Pages pages;
    private final List<String> checkoutOrigins;

    public BillingController(BillingApi billing, AccountApi accounts, Pages pages, DashboardProperties properties) {
        this.billing = billing;
        this.accounts = accounts;
        this.pages = pages;
        this.checkoutOrigins = properties.checkoutOrigins();
    }

    @GetMapping("/dashboard/{world}/billing")
    ResponseEntity<String> billing(SignedIn page) {
        String plan = accounts.me(page.caller()).plan();
        Subscription subscription = null;
        boolean configured = true;
        try {
            subscription = billing.subscription(page.caller());
        } catch (ApiFailure failure) {
            if (!failure.is("BILLING_NOT_CONFIGURED")) {
                throw failure;
            }
            configured = false;
        }
        return pages.ok("dashboard/billing.jte", new BillingPage(page.frame("Billing", "billing"), plan, subscription,
                configured, billing.plans(page.caller())));
    }

    @PostMapping("/dashboard/{world}/billing/upgrade")
    ResponseEntity<String> upgrade(SignedIn page, @RequestParam(defaultValue = "") String plan) {
        String url = billing.checkout(page.caller(), plan).checkoutUrl();
        if (checkoutOrigins.contains(origin(url))) {
            return Redirect.to(url);
        }
        return pages.ok("dashboard/checkout.jte", new ContinuePage(page.frame("Upgrade", "billing"), plan, url));
    }

    /** {@code scheme://host[:port]} of a URL, as a Content-Security-Policy source names it. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
