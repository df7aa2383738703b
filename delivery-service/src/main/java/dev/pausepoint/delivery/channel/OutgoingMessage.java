package dev.pausepoint.delivery.channel;

import dev.pausepoint.kit.asker.Asker;
import java.util.List;

/**
 * What a sender needs of a notification. {@code asker} names who asks (its names may be unknown);
 * {@code silence} says what happens if no one answers ({@link Asker#silence}), or is null when not known.
 */
public record OutgoingMessage(String pauseId, String recipient, String message, List<String> options, String respondUrl,
        Asker asker, String silence) {

    /** A message whose sender and expiry are not known, as for notifications recorded before they were kept. */
    public OutgoingMessage(String pauseId, String recipient, String message, List<String> options, String respondUrl) {
        this(pauseId, recipient, message, options, respondUrl, new Asker(null, null), null);
    }
}
