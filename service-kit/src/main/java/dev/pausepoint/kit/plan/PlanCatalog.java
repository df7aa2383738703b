package dev.pausepoint.kit.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plans, from {@code pausepoint.plans} (defaults in pausepoint-service-defaults.yml). Prices and
 * Paddle price ids join them with billing; limits are never constants in code.
 */
@ConfigurationProperties("pausepoint")
public class PlanCatalog {

    public static final String FREE = "free";

    /** Each plan's settings, by plan name. */
    public record Settings(Integer pausesPerMonth, List<String> channels, Integer maxTimeoutHours, String upgrade) {
    }

    private final Map<String, Plan> plans = new LinkedHashMap<>();

    public PlanCatalog(Map<String, Settings> plans) {
        plans.forEach((name, s) -> this.plans.put(name,
                new Plan(name, s.pausesPerMonth(), List.copyOf(s.channels()), s.maxTimeoutHours(), s.upgrade())));
        if (!this.plans.containsKey(FREE)) {
            throw new IllegalStateException("pausepoint.plans must define the free plan");
        }
    }

    public Optional<Plan> find(String name) {
        return Optional.ofNullable(plans.get(name));
    }

    public Plan get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("unknown plan " + name));
    }

    /** Every plan, in configured order (cheapest first). */
    public Map<String, Plan> all() {
        return Collections.unmodifiableMap(plans);
    }

    /** The first plan, in configured order, that offers {@code channel}. */
    public Optional<Plan> cheapestWith(String channel) {
        return plans.values().stream().filter(plan -> plan.channels().contains(channel)).findFirst();
    }
}
