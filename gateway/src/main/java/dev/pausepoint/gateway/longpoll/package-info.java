/**
 * Caps on long-polls ({@code GET /v1/pause/{id}?wait=N}) at the gateway: concurrent waits per developer
 * and mode, counted across every gateway instance in Redis (429 past it), and waits in flight through
 * this instance, so that they never hold more than part of the connection pool to pause-service (503
 * past it). pause-service caps the waiters it parks on its own, from its heap.
 */
package dev.pausepoint.gateway.longpoll;
