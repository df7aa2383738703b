/** Events of {@code account.events.v1}: registrations, key rotations and plan changes. */
package dev.pausepoint.events.account;
