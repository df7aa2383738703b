package dev.pausepoint.delivery.channel;

import java.util.List;

/**
 * What a sender needs of a notification: which of the pause's it is ({@code notification}, 0 the first), and
 * whether it is a reminder, which is marked as one.
 */
public record OutgoingMessage(String pauseId, String recipient, String message, List<String> options, String respondUrl,
        int notification, boolean reminder) {

    /** A pause's first notification. */
    public OutgoingMessage(String pauseId, String recipient, String message, List<String> options, String respondUrl) {
        this(pauseId, recipient, message, options, respondUrl, 0, false);
    }
}
