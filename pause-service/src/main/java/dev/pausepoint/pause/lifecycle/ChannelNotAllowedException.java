package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;

public class ChannelNotAllowedException extends ApiException {

    public ChannelNotAllowedException(String channel, String plan, String planWithChannel) {
        super(ErrorCode.CHANNEL_NOT_ALLOWED, capitalize(channel) + " is not on the " + plan + " plan."
                + (planWithChannel == null ? "" : " Upgrade to " + capitalize(planWithChannel) + " to use it."));
    }

    /** A channel named elsewhere than the pause's own, such as an escalation step's: {@code where} leads the message. */
    public ChannelNotAllowedException(String where, String channel, String plan, String planWithChannel) {
        super(ErrorCode.CHANNEL_NOT_ALLOWED, where + ": " + channel + " is not on the " + plan + " plan."
                + (planWithChannel == null ? "" : " Upgrade to " + capitalize(planWithChannel) + " to use it."));
    }

    private static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
