package dev.pausepoint.client;

/**
 * 403 {@code CHANNEL_NOT_ALLOWED}: the channel is not on the developer's plan (the message names the cheapest
 * plan that has it).
 */
public class ChannelNotAllowedException extends PausePointException {

    public ChannelNotAllowedException(ApiError error) {
        super(error);
    }
}
