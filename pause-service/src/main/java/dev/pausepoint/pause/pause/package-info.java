/**
 * Pauses: create as a pipeline ({@link dev.pausepoint.pause.pause.PauseCreation}: the idempotency key around
 * the field rules, the plan's rules, the quota slot, and the pause stored with its event), the developer's
 * reads and cancel, and the one-way state machine whose every transition is a single conditional update in
 * {@link dev.pausepoint.pause.pause.PauseRepository}. The create rules are in docs/api-reference.md, "Pauses".
 */
package dev.pausepoint.pause.pause;
