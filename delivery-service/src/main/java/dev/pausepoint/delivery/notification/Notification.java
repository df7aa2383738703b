package dev.pausepoint.delivery.notification;

import dev.pausepoint.delivery.channel.OutgoingMessage;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.kit.asker.Asker;
import dev.pausepoint.kit.tracing.TraceContext;
import java.time.Instant;
import java.util.List;

/**
 * One pause's notification as stored. {@code asker}, {@code timeoutDefault} and {@code expiresAt} let the
 * message say who asks and what silence means; a row recorded before they were kept has no names and no
 * expiry, and its message names no sender.
 */
public record Notification(String pauseId, String developerId, boolean livemode, String channel, String recipient,
        String respondUrl, String message, List<String> options, String status, int attempts,
        String providerMessageId, TraceContext trace, Asker asker, String timeoutDefault, Instant expiresAt) {

    /** What the channel's sender gets. */
    public OutgoingMessage outgoing() {
        return new OutgoingMessage(pauseId, recipient, message, options, respondUrl, asker,
                expiresAt == null ? null : Asker.silence(expiresAt, timeoutDefault));
    }

    /** The message of a created pause, as a test pause's sandbox shows it. */
    static OutgoingMessage outgoing(PauseCreated pause) {
        return new OutgoingMessage(pause.pauseId(), pause.recipient(), pause.message(), pause.options(),
                pause.respondUrl(), new Asker(pause.accountName(), pause.agentName()),
                pause.expiresAt() == null ? null : Asker.silence(pause.expiresAt(), pause.timeoutDefault()));
    }
}
