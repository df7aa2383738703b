package dev.pausepoint.kit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsCountryCodesTest {

    @Test
    void anEntryAllowsTheNumbersItPrefixesAndNoOthers() {
        SmsCountryCodes codes = SmsCountryCodes.of(List.of("1", "44", "+33", " 49 "));

        assertThat(codes.allows("+14155550123")).isTrue();
        assertThat(codes.allows("+447946095800")).isTrue();
        assertThat(codes.allows("+33612345678")).isTrue();
        assertThat(codes.allows("+4915123456789")).isTrue();
        assertThat(codes.allows("+4312345678")).isFalse();
        assertThat(codes.allows("+8801712345678")).isFalse();
        assertThat(codes.allows("+79161234567")).isFalse();
    }

    @Test
    void aLongerPrefixAllowsOnlyItsPartOfACode() {
        SmsCountryCodes americanSamoa = SmsCountryCodes.of(List.of("1-684"));

        assertThat(americanSamoa.allows("+16846331234")).isTrue();
        assertThat(americanSamoa.allows("+14155550123")).isFalse();
        assertThat(americanSamoa.refusal("+14155550123"))
                .isEqualTo("country calling code +1 is not allowed here (allowed: +1684)");
    }

    @Test
    void theRefusalNamesTheNumbersCountryCodeWhateverItsLength() {
        SmsCountryCodes codes = SmsCountryCodes.of(List.of("1", "44"));

        assertThat(codes.refusal("+79161234567")).isEqualTo("country calling code +7 is not allowed here (allowed: +1, +44)");
        assertThat(codes.refusal("+4915123456789")).isEqualTo("country calling code +49 is not allowed here (allowed: +1, +44)");
        assertThat(codes.refusal("+8801712345678")).isEqualTo("country calling code +880 is not allowed here (allowed: +1, +44)");
        assertThat(codes.refusal("+4202123456")).isEqualTo("country calling code +420 is not allowed here (allowed: +1, +44)");
    }

    @Test
    void aStarAllowsEveryNumberAndNoEntryAllowsNone() {
        assertThat(SmsCountryCodes.of(List.of("*")).allows("+8801712345678")).isTrue();
        SmsCountryCodes none = SmsCountryCodes.of(List.of());
        assertThat(none.allows("+14155550123")).isFalse();
        assertThat(none.refusal("+14155550123")).isEqualTo("country calling code +1 is not allowed here (allowed: none)");
        assertThat(SmsCountryCodes.of(List.of("", " ")).allows("+14155550123")).isFalse();
    }

    @Test
    void anEntryThatIsNotAWholeCountryCodeIsRefused() {
        for (String entry : List.of("4", "42", "0", "+", "44a", "2")) {
            assertThatThrownBy(() -> SmsCountryCodes.of(List.of("1", entry)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("SMS country code \"" + entry + "\" is not a country calling code (such as 1, 44 or 1-684) nor *");
        }
        assertThat(SmsCountryCodes.of(List.of("420", "880", "7")).allows("+4202123456")).isTrue();
    }
}
