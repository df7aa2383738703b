package dev.pausepoint.client;

import java.util.function.UnaryOperator;

/**
 * The documented test recipients (docs/testing.md): in test mode they answer, time out or fail by themselves,
 * so every branch of an agent's approval flow can run in CI without a human.
 *
 * <pre>{@code
 * TestRecipients.sms().choose(2)                                   // "+15005550002": option 2 after 2 s
 * TestRecipients.email().choose(2).after(Duration.ofSeconds(30))   // "choose-2-after-30@test.pausepoint.dev"
 * TestRecipients.slack().timeout()                                 // ".../PAUSEPOINT/TEST/timeout": times out after 5 s
 * TestRecipients.email().fail()                                    // delivery fails
 * }</pre>
 *
 * Arguments are checked here ({@code n} 1–5, delays 1–3600 s): a wrong one is an
 * {@link IllegalArgumentException} before any request. That {@code n} is not beyond the pause's options is the
 * server's rule ({@code 422 VALIDATION_ERROR} on {@code recipient}).
 */
public final class TestRecipients {

    /** The email domain of the test recipients. */
    public static final String EMAIL_DOMAIN = "test.pausepoint.dev";
    /** The Slack webhook URL every Slack test recipient starts with; the verb follows. */
    public static final String SLACK_PREFIX = "https://hooks.slack.com/services/PAUSEPOINT/TEST/";

    static final int MAX_OPTION = 5;

    private TestRecipients() {
    }

    /** {@code +1500555000n} answers with option n; {@code +15005550009} times out; {@code +15005550008} fails. */
    public static Sms sms() {
        return new Sms();
    }

    /** {@code choose-<n>[-after-<s>]@}, {@code timeout[-after-<s>]@}, {@code fail@} at {@value #EMAIL_DOMAIN}. */
    public static Verbs email() {
        return new Verbs(Channel.EMAIL, verb -> verb + "@" + EMAIL_DOMAIN);
    }

    /** The email verbs as the last segment of {@value #SLACK_PREFIX}. */
    public static Verbs slack() {
        return new Verbs(Channel.SLACK, verb -> SLACK_PREFIX + verb);
    }

    static int option(int n) {
        if (n < 1 || n > MAX_OPTION) {
            throw new IllegalArgumentException("a test recipient chooses option 1 to " + MAX_OPTION + ", not " + n);
        }
        return n;
    }

    /** The SMS test numbers; they answer 2 s (or time out 5 s) after the create and take no other delay. */
    public static final class Sms {

        private Sms() {
        }

        public TestRecipient choose(int n) {
            return TestRecipient.fixed(Channel.SMS, "+1500555000" + option(n));
        }

        public TestRecipient timeout() {
            return TestRecipient.fixed(Channel.SMS, "+15005550009");
        }

        public TestRecipient fail() {
            return TestRecipient.fixed(Channel.SMS, "+15005550008");
        }
    }

    /** The verbs email and Slack test recipients share. */
    public static final class Verbs {

        private final Channel channel;
        private final UnaryOperator<String> address;

        private Verbs(Channel channel, UnaryOperator<String> address) {
            this.channel = channel;
            this.address = address;
        }

        /** Answers with option {@code n} (1-based) after 2 s, or after {@link TestRecipient#after}. */
        public TestRecipient choose(int n) {
            return TestRecipient.verb(channel, "choose-" + option(n), address, true);
        }

        /** Makes the pause time out after 5 s, or after {@link TestRecipient#after}. */
        public TestRecipient timeout() {
            return TestRecipient.verb(channel, "timeout", address, true);
        }

        /** The delivery fails ({@code delivery.status} {@code failed}). */
        public TestRecipient fail() {
            return TestRecipient.verb(channel, "fail", address, false);
        }
    }
}
