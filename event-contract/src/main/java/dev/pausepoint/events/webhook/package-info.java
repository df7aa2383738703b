/** Events of {@code webhook.events.v1}: developers' webhook endpoints coming and going. */
package dev.pausepoint.events.webhook;
