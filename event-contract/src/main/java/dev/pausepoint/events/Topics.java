package dev.pausepoint.events;

import java.util.List;

/** Topic names: explicit, versioned strings. A breaking change to an event means a new version. */
public final class Topics {

    public static final String PAUSE_EVENTS = "pause.events.v1";
    public static final String DELIVERY_EVENTS = "delivery.events.v1";
    public static final String ACCOUNT_EVENTS = "account.events.v1";
    public static final String WEBHOOK_EVENTS = "webhook.events.v1";

    public static final List<String> ALL = List.of(PAUSE_EVENTS, DELIVERY_EVENTS, ACCOUNT_EVENTS, WEBHOOK_EVENTS);

    private Topics() {
    }

    /** The dead-letter topic where a consumer group parks a record it could not process. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
