/**
 * The trust boundary (docs/trust-boundary.md) as code. The gateway resolves who is calling and forwards it as
 * a {@link dev.pausepoint.identity.CallerIdentity} in {@link dev.pausepoint.identity.TrustHeaders} signed
 * by {@link dev.pausepoint.identity.RequestSigner}; services verify the signature and refuse anything
 * else. The same signer authenticates service-to-service calls to {@code /internal/**}.
 *
 * <p>A contract carries data and signatures only, because both sides of the boundary (the reactive gateway,
 * the servlet services) must read it alike: the identity and its enums, the header names, the signer and its
 * MAC ({@link dev.pausepoint.identity.Hmac}), and {@link dev.pausepoint.identity.CredentialHash}, the name of
 * a bearer credential that the gateway sends and billing-service stores. It depends on nothing but the JDK.
 * Its two exceptions say what happened, never how to answer it: rendering them in the error envelope is the
 * service kit's job ({@code dev.pausepoint.kit.trust}). General-purpose hashing is not part of it.
 */
package dev.pausepoint.identity;
