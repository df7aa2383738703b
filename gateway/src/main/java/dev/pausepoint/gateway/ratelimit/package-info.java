/**
 * api.md's layered sliding-window rate limits: one atomic Redis script per request over every layer
 * that applies, with a per-instance in-memory fallback while Redis is unreachable.
 */
package dev.pausepoint.gateway.ratelimit;
