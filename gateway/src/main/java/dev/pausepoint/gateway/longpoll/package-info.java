/**
 * Long-polls ({@code GET /v1/pause/{id}?wait=N}), parked in the gateway: the caps on them, concurrent
 * waits per developer and mode, counted across every gateway instance in Redis (429 past it), and waits
 * parked on this instance, bounded by its heap (503 past it); the parking itself and the wakes from
 * pause events; and the reads after a wake, gathered into one call to pause-service per batch.
 */
package dev.pausepoint.gateway.longpoll;
