package dev.pausepoint.kit.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.kit.EnvironmentVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The plans table a service gets from {@link EnablePlans}, and how an operator changes it (docs/plans.md). */
class PlansTest {

    @EnablePlans
    static class PlansEnabled {
    }

    private static ApplicationContextRunner plans(Map<String, Object> variables, String... properties) {
        return new ApplicationContextRunner()
                .withUserConfiguration(PlansEnabled.class)
                .withPropertyValues(properties)
                .withInitializer(EnvironmentVariables.of(variables));
    }

    @Test
    void theTableIsTheDocumentedOneCheapestFirst() {
        plans(Map.of()).run(context -> assertThat(context.getBean(PlanCatalog.class).all().values()).containsExactly(
                new Plan("free", 50, List.of("sms"), 24, "starter"),
                new Plan("starter", 500, List.of("sms", "email"), 168, "pro"),
                new Plan("pro", 5000, List.of("sms", "email", "slack"), 720, "enterprise"),
                new Plan("enterprise", null, List.of("sms", "email", "slack"), null, null)));
    }

    @Test
    void anOperatorOverridesSettingsOneByOneFromTheEnvironmentOrTheServicesConfiguration() {
        plans(Map.of("PAUSEPOINT_PLANS_FREE_PAUSESPERMONTH", "100", "PAUSEPOINT_PLANS_FREE_CHANNELS", "sms,email"),
                "pausepoint.plans.pro.max-timeout-hours=1000").run(context -> {
                    PlanCatalog catalog = context.getBean(PlanCatalog.class);
                    assertThat(catalog.get("free")).isEqualTo(new Plan("free", 100, List.of("sms", "email"), 24, "starter"));
                    assertThat(catalog.get("pro")).isEqualTo(
                            new Plan("pro", 5000, List.of("sms", "email", "slack"), 1000, "enterprise"));
                    assertThat(catalog.cheapestWith("email").map(Plan::name)).contains("free");
                });
    }

    /**
     * Binding puts a plan set by a higher source first; cheapest first must not follow that, or checkout's
     * "best plan" and the suggested upgrade would change with where an operator set a value.
     */
    @Test
    void overridingAPlanDoesNotMoveItUpTheLadder() {
        plans(Map.of("PAUSEPOINT_PLANS_PRO_MAXTIMEOUTHOURS", "1000")).run(context -> {
            PlanCatalog catalog = context.getBean(PlanCatalog.class);
            assertThat(catalog.all().keySet()).containsExactly("free", "starter", "pro", "enterprise");
            assertThat(catalog.cheapestWith("email").map(Plan::name)).contains("starter");
        });
    }

    @Test
    void aPlanOffTheUpgradeLadderComesAfterIt() {
        Map<String, PlanCatalog.Settings> bound = new LinkedHashMap<>();
        bound.put("team", new PlanCatalog.Settings(2000, List.of("sms", "email"), 168, null));
        bound.put("pro", new PlanCatalog.Settings(5000, List.of("sms", "email", "slack"), 720, null));
        bound.put("free", new PlanCatalog.Settings(50, List.of("sms"), 24, "pro"));
        PlanCatalog catalog = new PlanCatalog(bound);
        assertThat(catalog.all().keySet()).containsExactly("free", "pro", "team");
        assertThat(catalog.cheapestWith("email").map(Plan::name)).contains("pro");
    }

    @Test
    void anUpgradeToNoPlanStopsTheServiceFromStarting() {
        plans(Map.of("PAUSEPOINT_PLANS_STARTER_UPGRADE", "platinum")).run(context -> assertThat(context)
                .getFailure().rootCause().hasMessage("pausepoint.plans.starter.upgrade names no plan: platinum"));
    }
}
