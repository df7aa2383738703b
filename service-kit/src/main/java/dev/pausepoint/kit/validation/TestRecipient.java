package dev.pausepoint.kit.validation;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a test pause's recipient asks the system to do in the human's place (docs/testing.md): answer with
 * an option after a delay, time out after a delay, or fail delivery. pause-service reads it at create (to
 * refuse an unknown one, schedule the answer, shorten the expiry) and delivery-service again in its sandbox
 * path (to fail it), so both read one grammar. Only test pauses mean it; for a live pause these are
 * ordinary recipients, and nothing here is consulted.
 */
public sealed interface TestRecipient {

    /** The email domain whose local parts are verbs. */
    String EMAIL_DOMAIN = "test.pausepoint.dev";
    /** The Slack incoming-webhook path whose last segment is a verb. */
    String SLACK_PREFIX = "https://hooks.slack.com/services/PAUSEPOINT/TEST/";
    Duration DEFAULT_ANSWER_DELAY = Duration.ofSeconds(2);
    Duration DEFAULT_TIMEOUT_DELAY = Duration.ofSeconds(5);
    int MAX_DELAY_SECONDS = 3600;
    String VERBS = "choose-<n>, choose-<n>-after-<s>, timeout, timeout-after-<s> or fail";
    String FAILURE = "test recipient: simulated delivery failure";

    /** Answer with option {@code option} (1-based position in the pause's options) {@code after} the create. */
    record Choose(int option, Duration after) implements TestRecipient {
    }

    /** Let the pause time out {@code after} the create. */
    record TimeOut(Duration after) implements TestRecipient {
    }

    /** Fail the delivery. */
    record Fail() implements TestRecipient {
    }

    /** An address at the test domain or path that is no verb of the grammar; {@code rule} says what would be. */
    record Unknown(String rule) implements TestRecipient {
    }

    /** The SMS numbers of the grammar, by their E.164 form. */
    Map<String, TestRecipient> PHONES = Map.of(
            "+15005550001", new Choose(1, DEFAULT_ANSWER_DELAY), "+15005550002", new Choose(2, DEFAULT_ANSWER_DELAY),
            "+15005550003", new Choose(3, DEFAULT_ANSWER_DELAY), "+15005550004", new Choose(4, DEFAULT_ANSWER_DELAY),
            "+15005550005", new Choose(5, DEFAULT_ANSWER_DELAY), "+15005550009", new TimeOut(DEFAULT_TIMEOUT_DELAY),
            "+15005550008", new Fail());

    /**
     * What {@code recipient} on {@code channel} asks of a test pause, or empty for an ordinary recipient.
     * {@code recipient} is in the form delivery uses (a phone number without punctuation, a lower-cased
     * address, a trimmed URL); verbs are read without regard to case.
     */
    static Optional<TestRecipient> of(String channel, String recipient) {
        if (recipient == null) {
            return Optional.empty();
        }
        return switch (channel) {
            case "sms" -> Optional.ofNullable(PHONES.get(recipient));
            case "email" -> {
                String lower = recipient.toLowerCase(Locale.ROOT);
                int at = lower.lastIndexOf('@');
                yield at >= 0 && lower.substring(at + 1).equals(EMAIL_DOMAIN)
                        ? Optional.of(Grammar.verb(lower.substring(0, at),
                                "an address at " + EMAIL_DOMAIN + " is a test recipient: its local part"))
                        : Optional.empty();
            }
            case "slack" -> recipient.regionMatches(true, 0, SLACK_PREFIX, 0, SLACK_PREFIX.length())
                    ? Optional.of(Grammar.verb(recipient.substring(SLACK_PREFIX.length()).toLowerCase(Locale.ROOT),
                            "a URL under " + SLACK_PREFIX + " is a test recipient: its last segment"))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The verbs that email local parts and Slack path segments share. */
    final class Grammar {

        private static final Pattern CHOOSE = Pattern.compile("choose-([0-9]{1,9})(?:-after-([0-9]{1,9}))?");
        private static final Pattern TIMEOUT = Pattern.compile("timeout(?:-after-([0-9]{1,9}))?");

        private Grammar() {
        }

        /** {@code verb} as the grammar reads it; {@code what} names where it was written, for a refusal. */
        static TestRecipient verb(String verb, String what) {
            if (verb.equals("fail")) {
                return new Fail();
            }
            Matcher choose = CHOOSE.matcher(verb);
            if (choose.matches()) {
                int option = Integer.parseInt(choose.group(1));
                if (option < 1) {
                    return new Unknown("choose-<n> counts the options from 1");
                }
                return delay(choose.group(2), DEFAULT_ANSWER_DELAY)
                        .<TestRecipient>map(after -> new Choose(option, after)).orElseGet(Grammar::badDelay);
            }
            Matcher timeout = TIMEOUT.matcher(verb);
            if (timeout.matches()) {
                return delay(timeout.group(1), DEFAULT_TIMEOUT_DELAY).<TestRecipient>map(TimeOut::new)
                        .orElseGet(Grammar::badDelay);
            }
            return new Unknown(what + " must be one of " + VERBS);
        }

        /** The delay written, the default when none is, or empty when it is out of range. */
        private static Optional<Duration> delay(String seconds, Duration otherwise) {
            if (seconds == null) {
                return Optional.of(otherwise);
            }
            int value = Integer.parseInt(seconds);
            return value >= 1 && value <= MAX_DELAY_SECONDS ? Optional.of(Duration.ofSeconds(value)) : Optional.empty();
        }

        private static TestRecipient badDelay() {
            return new Unknown("after-<s> must be 1 to " + MAX_DELAY_SECONDS + " seconds");
        }
    }
}
