package dev.pausepoint.client;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How the human is asked. Which channels a developer may use depends on the plan. */
public enum Channel implements WireEnum {
    SMS,
    EMAIL,
    SLACK;

    @JsonCreator
    static Channel fromWire(String value) {
        return WireEnum.parse(Channel.class, value, null);
    }
}
