/**
 * Who is calling: the client address (socket peer, or behind trusted proxies the first untrusted
 * {@code X-Forwarded-For} hop), the credential (billing-service's answer, cached per instance only
 * while revocation events demonstrably reach it), and the signed identity headers every routed request
 * carries to its service.
 */
package dev.pausepoint.gateway.identity;
