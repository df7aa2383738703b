package dev.pausepoint.billing.subscription;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One plan as {@code GET /v1/billing/plans} shows it: its limits as pause creation applies them (a null
 * {@code pausesPerMonth} is unlimited; {@code maxTimeoutHours} is never null, a plan without a cap of its
 * own getting the absolute one), and whether checkout sells it on this instance.
 */
public record PlanOffer(String plan, @Nullable Integer pausesPerMonth, List<String> channels, int maxTimeoutHours, boolean sold) {
}
