/**
 * Pauses: the create rules (docs/api-reference.md, "Pauses"), the developer's reads and cancel, and the
 * one-way state machine whose every transition is a single conditional update in
 * {@link dev.pausepoint.pause.pause.PauseRepository}.
 */
package dev.pausepoint.pause.pause;
