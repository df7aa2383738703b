/**
 * The layered sliding-window rate limits: each check is one atomic Redis script over the layers it
 * covers (a request served from the key cache needs one, a request whose credential is looked up
 * counts its address before the lookup and its key after), with a per-instance in-memory fallback
 * while Redis is unreachable. Per-address windows count IPv6 clients per network prefix.
 */
package dev.pausepoint.gateway.ratelimit;
