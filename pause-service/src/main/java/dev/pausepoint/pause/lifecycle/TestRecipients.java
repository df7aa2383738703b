package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.kit.validation.TestRecipient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a test pause's recipient changes at create (docs/testing.md): a verb the grammar does not know, or an
 * option the pause does not have, is refused on {@code recipient}; a timing-out recipient shortens the
 * expiry; a choosing one leaves an answer due. Live pauses treat every recipient as an ordinary one, so
 * none of this is consulted for them.
 */
final class TestRecipients {

    private TestRecipients() {
    }

    /** What {@code recipient} (normalised) asks of a pause in the world {@code livemode}; empty in live mode. */
    static Optional<TestRecipient> of(boolean livemode, String channel, String recipient) {
        return livemode ? Optional.empty() : TestRecipient.of(channel, recipient);
    }

    /** Why {@code recipient} cannot be the recipient of a test pause with {@code options}, or empty. */
    static Optional<String> problem(String channel, String recipient, List<String> options) {
        return TestRecipient.of(channel, recipient).flatMap(test -> {
            if (test instanceof TestRecipient.Unknown unknown) {
                return Optional.of(unknown.rule());
            }
            if (test instanceof TestRecipient.Choose choose && choose.option() > options.size()) {
                return Optional.of("a test recipient choosing option " + choose.option()
                        + " needs a pause with at least that many options; this one has " + options.size());
            }
            return Optional.empty();
        });
    }

    /** The pause's timeout: the one the plan granted, or the test recipient's own. */
    static Duration timeout(Optional<TestRecipient> test, Duration granted) {
        return test.filter(TestRecipient.TimeOut.class::isInstance).map(TestRecipient.TimeOut.class::cast)
                .map(TestRecipient.TimeOut::after).orElse(granted);
    }
}
