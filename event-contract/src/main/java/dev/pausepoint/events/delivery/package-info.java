/** Events of {@code delivery.events.v1}: the fate of a pause's SMS, email or Slack notification. */
package dev.pausepoint.events.delivery;
