package dev.pausepoint.delivery.channel;

import java.util.List;

/** What a sender needs of a notification. */
public record OutgoingMessage(String pauseId, String recipient, String message, List<String> options, String respondUrl) {
}
