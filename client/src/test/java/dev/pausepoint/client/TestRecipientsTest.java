package dev.pausepoint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestRecipientsTest {

    @Test
    void smsNumbersAnswerByOptionTimeOutOrFail() {
        assertThat(TestRecipients.sms().choose(1).recipient()).isEqualTo("+15005550001");
        assertThat(TestRecipients.sms().choose(2)).hasToString("+15005550002");
        assertThat(TestRecipients.sms().choose(5).recipient()).isEqualTo("+15005550005");
        assertThat(TestRecipients.sms().timeout().recipient()).isEqualTo("+15005550009");
        assertThat(TestRecipients.sms().fail().recipient()).isEqualTo("+15005550008");
        assertThat(TestRecipients.sms().choose(2).channel()).isEqualTo(Channel.SMS);
    }

    @Test
    void emailAddressesAreTheVerbAtTheTestDomain() {
        assertThat(TestRecipients.email().choose(2).recipient()).isEqualTo("choose-2@test.pausepoint.dev");
        assertThat(TestRecipients.email().choose(2).after(Duration.ofSeconds(30)).recipient())
                .isEqualTo("choose-2-after-30@test.pausepoint.dev");
        assertThat(TestRecipients.email().timeout().recipient()).isEqualTo("timeout@test.pausepoint.dev");
        assertThat(TestRecipients.email().timeout().after(Duration.ofHours(1)).recipient())
                .isEqualTo("timeout-after-3600@test.pausepoint.dev");
        assertThat(TestRecipients.email().fail().recipient()).isEqualTo("fail@test.pausepoint.dev");
        assertThat(TestRecipients.email().fail().channel()).isEqualTo(Channel.EMAIL);
    }

    @Test
    void slackUrlsEndInTheSameVerbs() {
        assertThat(TestRecipients.slack().choose(3).after(Duration.ofSeconds(1)).recipient())
                .isEqualTo("https://hooks.slack.com/services/PAUSEPOINT/TEST/choose-3-after-1");
        assertThat(TestRecipients.slack().timeout().recipient())
                .isEqualTo("https://hooks.slack.com/services/PAUSEPOINT/TEST/timeout");
        assertThat(TestRecipients.slack().fail().recipient())
                .isEqualTo("https://hooks.slack.com/services/PAUSEPOINT/TEST/fail");
        assertThat(TestRecipients.slack().fail().channel()).isEqualTo(Channel.SLACK);
    }

    @Test
    void anOptionOutsideOneToFiveIsRefused() {
        assertThatThrownBy(() -> TestRecipients.sms().choose(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> TestRecipients.email().choose(6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestRecipients.slack().choose(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDelayOutsideOneToThreeThousandSixHundredWholeSecondsIsRefused() {
        TestRecipient choose = TestRecipients.email().choose(1);
        assertThatThrownBy(() -> choose.after(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 3600 whole seconds");
        assertThatThrownBy(() -> choose.after(Duration.ofSeconds(3601))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> choose.after(Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> choose.after(Duration.ofSeconds(-5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyEmailAndSlackChooseAndTimeoutTakeADelayAndOnlyOnce() {
        assertThatThrownBy(() -> TestRecipients.sms().choose(1).after(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TestRecipients.email().fail().after(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TestRecipients.email().timeout().after(Duration.ofSeconds(5)).after(Duration.ofSeconds(6)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameRecipientIsEqual() {
        assertThat(TestRecipients.email().choose(2).after(Duration.ofSeconds(30)))
                .isEqualTo(TestRecipients.email().choose(2).after(Duration.ofSeconds(30)))
                .isNotEqualTo(TestRecipients.slack().choose(2).after(Duration.ofSeconds(30)));
    }
}
