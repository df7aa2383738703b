package dev.pausepoint.client;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A recipient that answers by itself in test mode (see {@link TestRecipients}); a live key treats it as an
 * ordinary recipient. {@link #toString()} is the recipient as the API takes it.
 */
public final class TestRecipient {

    static final long MAX_DELAY_SECONDS = 3600;

    private final Channel channel;
    private final String verb;
    private final UnaryOperator<String> address;
    private final boolean delayable;

    private TestRecipient(Channel channel, String verb, UnaryOperator<String> address, boolean delayable) {
        this.channel = channel;
        this.verb = verb;
        this.address = address;
        this.delayable = delayable;
    }

    static TestRecipient fixed(Channel channel, String recipient) {
        return new TestRecipient(channel, recipient, UnaryOperator.identity(), false);
    }

    static TestRecipient verb(Channel channel, String verb, UnaryOperator<String> address, boolean delayable) {
        return new TestRecipient(channel, verb, address, delayable);
    }

    /**
     * The same verb after {@code delay} (1–3600 whole seconds) instead of its default (2 s to answer, 5 s to
     * time out). Only email and Slack test recipients that answer or time out take a delay.
     */
    public TestRecipient after(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (!delayable) {
            throw new IllegalStateException(this + " takes no delay: only the email and Slack choose and timeout"
                    + " test recipients do, once");
        }
        if (delay.getNano() != 0 || delay.getSeconds() < 1 || delay.getSeconds() > MAX_DELAY_SECONDS) {
            throw new IllegalArgumentException("a test recipient's delay is 1 to " + MAX_DELAY_SECONDS
                    + " whole seconds, not " + delay);
        }
        return new TestRecipient(channel, verb + "-after-" + delay.getSeconds(), address, false);
    }

    public Channel channel() {
        return channel;
    }

    /** The phone number, email address or Slack URL to create the pause with. */
    public String recipient() {
        return address.apply(verb);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestRecipient that && channel == that.channel && recipient().equals(that.recipient());
    }

    @Override
    public int hashCode() {
        return Objects.hash(channel, recipient());
    }

    @Override
    public String toString() {
        return recipient();
    }
}
