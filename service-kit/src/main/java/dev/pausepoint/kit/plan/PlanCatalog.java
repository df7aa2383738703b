package dev.pausepoint.kit.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plans, from {@code pausepoint.plans}: the table in service-kit's {@code plans.yml}, overridable
 * key by key by a service's configuration or its environment (docs/plans.md). Prices and Paddle price ids
 * join them in billing; limits are never constants in code.
 */
@ConfigurationProperties("pausepoint")
public class PlanCatalog {

    public static final String FREE = "free";

    /** Each plan's settings, by plan name. */
    public record Settings(Integer pausesPerMonth, List<String> channels, Integer maxTimeoutHours, String upgrade) {
    }

    private final Map<String, Plan> plans = new LinkedHashMap<>();

    public PlanCatalog(Map<String, Settings> plans) {
        Map<String, Plan> bound = new LinkedHashMap<>();
        plans.forEach((name, s) -> bound.put(name,
                new Plan(name, s.pausesPerMonth(), List.copyOf(s.channels()), s.maxTimeoutHours(), s.upgrade())));
        if (!bound.containsKey(FREE)) {
            throw new IllegalStateException("pausepoint.plans must define the free plan");
        }
        // Refused at startup rather than as a 500 when a developer reaches the quota and is offered it.
        bound.values().stream().filter(plan -> plan.upgrade() != null && !bound.containsKey(plan.upgrade()))
                .findFirst().ifPresent(plan -> {
                    throw new IllegalStateException("pausepoint.plans." + plan.name() + ".upgrade names no plan: "
                            + plan.upgrade());
                });
        // Cheapest first is the upgrade ladder from free, not the order the keys were bound in: that order
        // follows which configuration source set each plan, so an environment variable overriding one
        // setting of pro would put pro first.
        for (Plan plan = bound.get(FREE); plan != null && !this.plans.containsKey(plan.name());
                plan = plan.upgrade() == null ? null : bound.get(plan.upgrade())) {
            this.plans.put(plan.name(), plan);
        }
        bound.forEach(this.plans::putIfAbsent);
    }

    public Optional<Plan> find(String name) {
        return Optional.ofNullable(plans.get(name));
    }

    public Plan get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("unknown plan " + name));
    }

    /** Every plan, cheapest first: free, then each plan's upgrade in turn, then any plan off that ladder. */
    public Map<String, Plan> all() {
        return Collections.unmodifiableMap(plans);
    }

    /** The cheapest plan that offers {@code channel}. */
    public Optional<Plan> cheapestWith(String channel) {
        return plans.values().stream().filter(plan -> plan.channels().contains(channel)).findFirst();
    }
}
