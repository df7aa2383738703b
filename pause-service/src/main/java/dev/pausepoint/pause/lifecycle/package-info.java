/**
 * A pause's life, from create to its one final state: create as a pipeline ({@link PauseCreation}: the
 * idempotency key around the field rules, the plan's rules, the quota slot, and the pause stored with its
 * event), the developer's reads and cancel ({@link PauseService}), the human's answer and the timeout
 * ({@link PauseTransitions}), and the one-way state machine whose every transition is a single conditional
 * update in {@link PauseRepository}. The create rules are in docs/api-reference.md, "Pauses".
 */
package dev.pausepoint.pause.lifecycle;
