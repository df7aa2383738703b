package dev.pausepoint.delivery.notification;

import dev.pausepoint.kit.tracing.TraceContext;
import java.util.List;

/** One pause's notification as stored. */
public record Notification(String pauseId, String developerId, boolean livemode, String channel, String recipient,
        String respondUrl, String message, List<String> options, String status, int attempts,
        String providerMessageId, TraceContext trace) {
}
