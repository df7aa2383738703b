package dev.pausepoint.pause.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import dev.pausepoint.pause.PauseApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Toll fraud: an SMS pause to a country calling code the operator does not allow
 * ({@code SMS_ALLOWED_COUNTRY_CODES}, by default 1 only) is a 422 on {@code recipient} at create time,
 * for live and test keys alike, naming the refused code.
 */
class SmsDestinationRuleTest extends PauseApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String smsTo(String recipient) {
        return """
                {"recipient": "%s", "channel": "sms", "message": "Deploy?", "options": ["Yes", "No"]}""".formatted(recipient);
    }

    @Test
    void byDefaultOnlyNorthAmericanNumbersMayBeTexted() {
        for (KeyMode mode : KeyMode.values()) {
            Reply refused = create(developer("pro", mode), smsTo("+44 20 7946 0958"));

            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json()).isEqualTo(JSON.readTree("""
                    {"error": "VALIDATION_ERROR", "status_code": 422,
                     "message": "recipient must be a number SMS may reach: country calling code +44 is not allowed here (allowed: +1).",
                     "detail": [{"field": "recipient",
                                 "issue": "must be a number SMS may reach: country calling code +44 is not allowed here (allowed: +1)"}]}"""));
            assertThat(create(developer("pro", mode), smsTo("+1 415 555 0123")).status()).isEqualTo(201);
        }
    }

    @Test
    void theConfiguredPrefixesDecide() {
        PauseRequestParser parser = new PauseRequestParser(List.of("hooks.slack.com"),
                SmsCountryCodes.of(List.of("44", "1-684")));

        assertThat(parser.parse(JSON.readTree(smsTo("+44 20 7946 0958"))).recipient()).isEqualTo("+442079460958");
        assertThat(parser.parse(JSON.readTree(smsTo("+1 684 633 1234"))).recipient()).isEqualTo("+16846331234");
        for (String refused : List.of("+1 415 555 0123", "+49 151 2345 6789", "+880 1712 345678")) {
            assertThatThrownBy(() -> parser.parse(JSON.readTree(smsTo(refused))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues()).singleElement()
                            .extracting(FieldIssue::field).isEqualTo("recipient"));
        }
        assertThatThrownBy(() -> parser.parse(JSON.readTree(smsTo("+880 1712 345678"))))
                .hasMessage("recipient must be a number SMS may reach: country calling code +880 is not allowed here"
                        + " (allowed: +44, +1684).");
    }
}
