/**
 * The trust boundary inside each service: {@link dev.pausepoint.kit.trust.GatewayTrustFilter} verifies
 * the gateway's signed identity (or another service's internal credential) before anything else runs.
 */
package dev.pausepoint.kit.trust;
