package dev.pausepoint.errors.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class SecretMaskingTest {

    private static final String TOKEN = "AQEAAAAAZm9vYmFyYmF6cXV4.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Refused GET /respond/" + TOKEN + " from 1.2.3.4 | Refused GET /respond/AQEAAA… from 1.2.3.4",
            "POST /v1/respond/" + TOKEN + "/extra | POST /v1/respond/AQEAAA…/extra",
            "\"respond_url\":\"http://localhost:8080/respond/" + TOKEN + "\" | "
                    + "\"respond_url\":\"http://localhost:8080/respond/AQEAAA…\"",
            "GET /respond/" + TOKEN + "?choice=Approve | GET /respond/AQEAAA…?choice=Approve",
            "GET /reset-password?token=" + TOKEN + "&x=1 | GET /reset-password?token=AQEAAA…&x=1",
            "GET /respond/abc | GET /respond/…",
            "GET /v1/pause/psr_1?wait=30 | GET /v1/pause/psr_1?wait=30",
            "the token= of nothing | the token= of nothing"})
    void theSecretOfAUrlIsMaskedAndNothingElse(String logged, String masked) {
        assertThat(SecretMasking.mask(logged)).isEqualTo(masked);
    }

    @Test
    void everyLineLoggedThroughTheSharedConfigurationIsMasked(CapturedOutput output) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(SecretMasking.class.getResource("logback.xml"));
        Logger logger = context.getLogger("some.library");
        logger.info("Invalid character found in the request target [/respond/{}{{]", TOKEN);
        logger.warn("Decoding failed", new IllegalArgumentException("bad link http://x/respond/" + TOKEN,
                new IllegalStateException("caused by /v1/respond/" + TOKEN)));
        context.stop();
        assertThat(output.getOut()).contains("request target [/respond/AQEAAA…{{]", "bad link http://x/respond/AQEAAA…",
                "caused by /v1/respond/AQEAAA…", "at dev.pausepoint.errors.logging.SecretMaskingTest")
                .doesNotContain(TOKEN);
    }
}
