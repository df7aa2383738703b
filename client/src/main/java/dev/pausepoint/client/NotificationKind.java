package dev.pausepoint.client;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Why a notification of a pause was sent: the first one, a reminder, or an escalation step. */
public enum NotificationKind implements WireEnum {
    INITIAL,
    REMINDER,
    ESCALATION,
    /** A kind this client version does not know yet (the server is newer). */
    UNKNOWN;

    @JsonCreator
    static NotificationKind fromWire(String value) {
        return WireEnum.parse(NotificationKind.class, value, UNKNOWN);
    }
}
