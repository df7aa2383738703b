/**
 * Who is calling: the client address (socket peer, or behind trusted proxies the first untrusted
 * {@code X-Forwarded-For} hop), the credential, and the signed identity headers every routed request
 * carries to its service.
 */
package dev.pausepoint.gateway.identity;
