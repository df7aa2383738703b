package dev.pausepoint.client;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * One of the two worlds of an account: the mode of an API key, the key type a rotation names, and the
 * world a session acts in ({@code PausePoint-Mode}).
 */
public enum Mode implements WireEnum {
    LIVE,
    TEST;

    @JsonCreator
    static Mode fromWire(String value) {
        return WireEnum.parse(Mode.class, value, null);
    }
}
