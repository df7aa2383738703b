/**
 * The due work of reminders and escalation: follow-ups whose time has come are emitted while their pause is
 * pending.
 */
package dev.pausepoint.pause.followup;
