package dev.pausepoint.delivery.channel;

/** Sends one notification through one provider; never throws, every outcome is a {@link SendResult}. */
public interface ChannelSender {

    String channel();

    SendResult send(OutgoingMessage message);
}
