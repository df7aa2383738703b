package dev.pausepoint.dashboard.overview;

import dev.pausepoint.dashboard.account.AccountApi;
import dev.pausepoint.dashboard.account.AccountApi.Me;
import dev.pausepoint.dashboard.api.World;
import dev.pausepoint.dashboard.pauses.PausesApi;
import dev.pausepoint.dashboard.DashboardProperties;
import dev.pausepoint.dashboard.web.Frame;
import dev.pausepoint.dashboard.web.Pages;
import dev.pausepoint.dashboard.web.SignedIn;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The first page after sign-in: the plan and this month's use of it, the last 30 days of pauses by
 * outcome, and the next steps for an account that has not created a pause yet, with the key prefix of
 * this world filled into the snippets (the key itself was shown once, at sign-up or rotation).
 */
@RestController
public class OverviewController {

    static final int DAYS = 30;

    /**
     * @param usedPercent this month's live pauses as a share of the plan's quota, 0-100; null when unlimited
     */
    public record OverviewPage(Frame frame, Me me, Integer usedPercent, DailyChart chart, String keyPrefix,
            String apiBase, boolean live) {
    }

    private final AccountApi accounts;
    private final PausesApi pauses;
    private final Pages pages;
    private final String apiBase;

    public OverviewController(AccountApi accounts, PausesApi pauses, Pages pages, DashboardProperties properties) {
        this.accounts = accounts;
        this.pauses = pauses;
        this.pages = pages;
        this.apiBase = properties.publicBase();
    }

    @GetMapping("/dashboard/{world}")
    ResponseEntity<String> overview(SignedIn page) {
        Me me = accounts.me(page.caller());
        DailyChart chart = DailyChart.of(pauses.daily(page.caller(), DAYS).days());
        Long limit = me.usage().pausesLimit();
        Integer used = limit == null ? null
                : (int) Math.min(100, Math.round(100.0 * me.usage().pausesUsed() / Math.max(1, limit)));
        boolean live = page.world() == World.LIVE;
        return pages.ok("dashboard/overview.jte", new OverviewPage(page.frame("Overview", ""), me, used, chart,
                live ? me.apiKeyPrefix() : me.testApiKeyPrefix(), apiBase, live));
    }
}
