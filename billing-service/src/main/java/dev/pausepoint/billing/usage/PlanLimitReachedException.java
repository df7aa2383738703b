package dev.pausepoint.billing.usage;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.kit.plan.Plan;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * 402 naming the limit and, when there is one, the next plan and its limit, as in the example envelope of
 * docs/api-reference.md, "Errors".
 */
public class PlanLimitReachedException extends ApiException {

    public PlanLimitReachedException(Plan plan, Plan upgrade) {
        super(ErrorCode.PLAN_LIMIT_REACHED, "Monthly pause limit of " + count(plan.pausesPerMonth()) + " reached."
                + (upgrade == null ? ""
                        : " Upgrade to " + capitalize(upgrade.name()) + (upgrade.unlimited() ? " for unlimited pauses."
                                : " for " + count(upgrade.pausesPerMonth()) + " pauses/month.")));
    }

    private static String count(int value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
