/**
 * The gateway's read of the pauses whose parked long-polls a change woke: one internal call for a batch
 * of them, each rendered as the public read renders it and given only in the waiter's world. Apart from
 * {@code longpoll} (which {@code lifecycle} uses to validate {@code wait}) so that it can read through
 * {@code lifecycle} without a cycle.
 */
package dev.pausepoint.pause.woken;
