package dev.pausepoint.kit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.kit.validation.TestRecipient.Choose;
import dev.pausepoint.kit.validation.TestRecipient.Fail;
import dev.pausepoint.kit.validation.TestRecipient.TimeOut;
import dev.pausepoint.kit.validation.TestRecipient.Unknown;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestRecipientTest {

    private static final String SLACK = "https://hooks.slack.com/services/PAUSEPOINT/TEST/";

    private static Optional<TestRecipient> email(String address) {
        return TestRecipient.of("email", address);
    }

    @Test
    void eachTestNumberHasItsBehaviourAndEveryOtherNumberIsOrdinary() {
        for (int option = 1; option <= 5; option++) {
            assertThat(TestRecipient.of("sms", "+1500555000" + option))
                    .contains(new Choose(option, Duration.ofSeconds(2)));
        }
        assertThat(TestRecipient.of("sms", "+15005550009")).contains(new TimeOut(Duration.ofSeconds(5)));
        assertThat(TestRecipient.of("sms", "+15005550008")).contains(new Fail());
        assertThat(TestRecipient.of("sms", "+15005550006")).isEmpty();
        assertThat(TestRecipient.of("sms", "+15005550000")).isEmpty();
        assertThat(TestRecipient.of("sms", "+14155550100")).isEmpty();
        assertThat(TestRecipient.of("sms", "+150055500011")).isEmpty();
    }

    @Test
    void emailVerbsWithAndWithoutDelays() {
        assertThat(email("choose-2@test.pausepoint.dev")).contains(new Choose(2, Duration.ofSeconds(2)));
        assertThat(email("choose-1-after-30@test.pausepoint.dev")).contains(new Choose(1, Duration.ofSeconds(30)));
        assertThat(email("choose-5-after-3600@test.pausepoint.dev")).contains(new Choose(5, Duration.ofHours(1)));
        assertThat(email("choose-3-after-1@test.pausepoint.dev")).contains(new Choose(3, Duration.ofSeconds(1)));
        assertThat(email("timeout@test.pausepoint.dev")).contains(new TimeOut(Duration.ofSeconds(5)));
        assertThat(email("timeout-after-12@test.pausepoint.dev")).contains(new TimeOut(Duration.ofSeconds(12)));
        assertThat(email("fail@test.pausepoint.dev")).contains(new Fail());
    }

    @Test
    void verbsAndTheDomainAreReadWithoutRegardToCase() {
        assertThat(email("CHOOSE-2-After-9@Test.PausePoint.DEV")).contains(new Choose(2, Duration.ofSeconds(9)));
        assertThat(email("Fail@TEST.pausepoint.dev")).contains(new Fail());
        assertThat(TestRecipient.of("slack", "https://HOOKS.slack.com/services/pausepoint/test/TimeOut"))
                .contains(new TimeOut(Duration.ofSeconds(5)));
    }

    @Test
    void anotherDomainOrASubdomainIsOrdinary() {
        assertThat(email("fail@pausepoint.dev")).isEmpty();
        assertThat(email("fail@x.test.pausepoint.dev")).isEmpty();
        assertThat(email("fail@test.pausepoint.dev.example.com")).isEmpty();
        assertThat(email("ada@example.com")).isEmpty();
    }

    @Test
    void anUnknownVerbAtTheTestDomainNamesTheGrammar() {
        for (String verb : new String[] {"approve", "choose", "choose-x", "choose-2-after", "timeout-after-", "fails",
                "choose-1-before-3", "timeout-5", " fail", "choose-99999999999"}) {
            assertThat(email(verb + "@test.pausepoint.dev")).as(verb).get().isInstanceOfSatisfying(Unknown.class,
                    unknown -> assertThat(unknown.rule()).isEqualTo("an address at test.pausepoint.dev is a test"
                            + " recipient: its local part must be one of " + TestRecipient.VERBS));
        }
    }

    private static final Unknown BAD_DELAY = new Unknown("after-<s> must be 1 to 3600 seconds");

    @Test
    void delaysOutsideOneSecondToAnHourAndOptionZeroAreRefusedWithTheirRule() {
        assertThat(email("choose-1-after-0@test.pausepoint.dev")).contains(BAD_DELAY);
        assertThat(email("choose-1-after-3601@test.pausepoint.dev")).contains(BAD_DELAY);
        assertThat(email("timeout-after-0@test.pausepoint.dev")).contains(BAD_DELAY);
        assertThat(email("choose-0@test.pausepoint.dev")).contains(new Unknown("choose-<n> counts the options from 1"));
    }

    @Test
    void slackTestPathsReadTheSameVerbs() {
        assertThat(TestRecipient.of("slack", SLACK + "choose-4-after-7"))
                .contains(new Choose(4, Duration.ofSeconds(7)));
        assertThat(TestRecipient.of("slack", SLACK + "fail")).contains(new Fail());
        assertThat(TestRecipient.of("slack", SLACK + "nope")).get().isInstanceOfSatisfying(Unknown.class,
                unknown -> assertThat(unknown.rule()).contains(SLACK));
        assertThat(TestRecipient.of("slack", SLACK + "fail/extra")).get().isInstanceOf(Unknown.class);
        assertThat(TestRecipient.of("slack", "https://hooks.slack.com/services/T000/B000/XXXX")).isEmpty();
        assertThat(TestRecipient.of("slack", "https://hooks.slack.com/services/PAUSEPOINT/TESTfail")).isEmpty();
    }

    @Test
    void theSameAddressOnAnotherChannelIsOrdinary() {
        assertThat(TestRecipient.of("sms", "fail@test.pausepoint.dev")).isEmpty();
        assertThat(TestRecipient.of("email", "+15005550008")).isEmpty();
        assertThat(TestRecipient.of("email", null)).isEmpty();
    }
}
