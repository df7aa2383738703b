/**
 * The trust boundary inside each service: {@link dev.pausepoint.kit.trust.GatewayTrustFilter} verifies
 * the gateway's signed identity (or another service's internal credential) before anything else runs, and
 * the refusals of the identity contract are answered here in the error envelope (an untrusted request, an
 * anonymous caller where a developer is needed).
 */
package dev.pausepoint.kit.trust;
