/**
 * The plans (docs/plans.md: quota, channels, timeout cap), read alike by pause-service (channels and the
 * timeout cap when a pause is created) and billing-service (quota, usage, upgrades). Opt-in with
 * {@link dev.pausepoint.kit.plan.EnablePlans}; the table itself is {@code plans.yml}.
 */
package dev.pausepoint.kit.plan;
