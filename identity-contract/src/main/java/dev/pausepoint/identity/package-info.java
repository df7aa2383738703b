/**
 * The trust boundary (README, Trust boundary) as code. The gateway resolves who is calling and forwards it as
 * a {@link dev.pausepoint.identity.CallerIdentity} in {@link dev.pausepoint.identity.TrustHeaders} signed
 * by {@link dev.pausepoint.identity.RequestSigner}; services verify the signature and refuse anything
 * else. The same signer authenticates service-to-service calls to {@code /internal/**}.
 */
package dev.pausepoint.identity;
