package dev.pausepoint.delivery.channel;

import dev.pausepoint.kit.asker.Asker;
import java.util.List;

/**
 * What a sender needs of a notification. {@code asker} names who asks (its names may be unknown);
 * {@code silence} says what happens if no one answers ({@link Asker#silence}), or is null when not known;
 * {@code notification} says which of the pause's it is (0 the first), and {@code reminder} whether it is a
 * reminder, which is marked as one.
 */
public record OutgoingMessage(String pauseId, String recipient, String message, List<String> options, String respondUrl,
        Asker asker, String silence, int notification, boolean reminder) {

    /** A pause's first message, whose sender and expiry are not known (rows recorded before they were kept). */
    public OutgoingMessage(String pauseId, String recipient, String message, List<String> options, String respondUrl) {
        this(pauseId, recipient, message, options, respondUrl, Asker.unknown(), null, 0, false);
    }
}
