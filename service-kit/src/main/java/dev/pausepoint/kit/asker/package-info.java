/**
 * Who asks a human, in the words every place that shows it uses: the hosted page, the SMS, the email and
 * the Slack message (docs/api-reference.md, "Channels"). A shared value rule like those of
 * {@code kit.validation}: plain functions, no beans, nothing to opt into; response-service and
 * delivery-service call it so the page and the messages can never name the sender differently.
 */
package dev.pausepoint.kit.asker;
