/**
 * The shared runtime of the servlet services, and the rule for what may enter it.
 *
 * <p><b>Auto-configured: infrastructure every servlet service needs</b>, and nothing else. It is listed in
 * {@code META-INF/spring/...AutoConfiguration.imports}, so a service gets it by depending on the kit:
 * production defaults beneath the service's own configuration ({@link dev.pausepoint.kit.ServiceDefaults},
 * {@code pausepoint-service-defaults.yml}), the contract's Kafka topics, listener error handling
 * ({@code kafka}), the transactional outbox and consumer ledger ({@code outbox}, switched on per service by
 * property), the trust boundary ({@code trust}), the clock ({@code time}), background loops
 * ({@code lifecycle}) and the trace context kept with queued work ({@code tracing}). Reading a JSON request body into a request record ({@code request},
 * {@link dev.pausepoint.kit.request.JsonBodies}) is infrastructure too, though static: every service reads
 * bodies, and one way to read them is the point (docs/request-bodies.md).
 *
 * <p><b>Opt-in: a domain piece used by two or more services</b> lives in a package named for its domain,
 * with an {@code @Enable...} annotation that imports its configuration and, where it has any, its own
 * defaults file. A service that does not enable it gets no bean and needs none of its settings:
 * <ul>
 * <li>{@code plan}: {@link dev.pausepoint.kit.plan.EnablePlans}, the plans table in {@code plans.yml}
 * (pause-service, billing-service);</li>
 * <li>{@code token}: {@link dev.pausepoint.kit.token.EnableResponseTokens}, the response-token codec
 * (pause-service issues, response-service verifies);</li>
 * <li>{@code mail}: {@link dev.pausepoint.kit.mail.EnableMail}, SendGrid (billing-service, delivery-service).</li>
 * </ul>
 * Each service enables its pieces on its application class. Infrastructure never depends on an opt-in
 * piece, and opt-in pieces do not depend on each other, so enabling one never drags in another.
 *
 * <p><b>Plain helpers</b> ({@code validation}, {@code digest}, {@code asker}) are functions of their input with no beans,
 * no configuration and no Spring: shared rules two services must apply alike.
 *
 * <p><b>Never here:</b> logic of one service (it stays in that service, even if a second might want it
 * one day), and anything the gateway must read too (that is a contract module: data and signatures).
 * {@code KitBoundaryTest} checks what of this can be checked.
 */
package dev.pausepoint.kit;
