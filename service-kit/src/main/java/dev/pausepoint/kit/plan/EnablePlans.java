package dev.pausepoint.kit.plan;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Gives a service the {@link PlanCatalog}: the plans table from {@code plans.yml} (docs/plans.md) and any
 * override in the service's configuration or environment. Only services that apply plan rules enable it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(PlansConfiguration.class)
public @interface EnablePlans {
}
