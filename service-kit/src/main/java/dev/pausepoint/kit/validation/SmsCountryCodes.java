package dev.pausepoint.kit.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which phone numbers SMS may reach, by country calling code: the operator's guard against toll fraud
 * (SMS pumping, where someone has messages sent to number ranges whose carriers pay them per message).
 * pause-service refuses other numbers when a pause is created, delivery-service again before each send.
 *
 * <p>An entry is an E.164 prefix that starts with a whole country calling code: {@code 1},
 * {@code 44}, or a longer one such as {@code 1-684} (American Samoa inside the North American plan);
 * a leading {@code +}, spaces and dashes are ignored. A prefix shorter than a code, such as {@code 4},
 * is refused at startup instead of silently allowing +44, +49 and every other code that starts with 4.
 * {@code *} allows every number; no entry at all allows none.
 */
public final class SmsCountryCodes {

    /**
     * Country calling codes are prefix-free and, by the ITU's assignment, 1 and 7 are the one-digit
     * codes and these the two-digit ones; every other code has three digits.
     */
    private static final Set<String> TWO_DIGIT = Set.of("20", "27", "30", "31", "32", "33", "34", "36", "39",
            "40", "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58",
            "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");
    private static final Pattern ENTRY = Pattern.compile("[1-9][0-9]{0,14}");
    private static final Pattern IGNORED = Pattern.compile("[\\s\\-+]");

    private final boolean anywhere;
    private final List<String> prefixes;

    private SmsCountryCodes(boolean anywhere, List<String> prefixes) {
        this.anywhere = anywhere;
        this.prefixes = prefixes;
    }

    /** The configured entries; throws {@link IllegalArgumentException} naming the first one that is not a prefix. */
    public static SmsCountryCodes of(List<String> entries) {
        boolean anywhere = false;
        List<String> prefixes = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            String trimmed = entry.trim();
            if (trimmed.equals("*")) {
                anywhere = true;
                continue;
            }
            String digits = IGNORED.matcher(trimmed).replaceAll("");
            if (digits.isEmpty() && trimmed.isEmpty()) {
                continue;
            }
            if (!ENTRY.matcher(digits).matches() || digits.length() < codeLength(digits)) {
                throw new IllegalArgumentException("SMS country code \"" + entry + "\" is not a country calling code"
                        + " (such as 1, 44 or 1-684) nor *");
            }
            prefixes.add(digits);
        }
        return new SmsCountryCodes(anywhere, List.copyOf(prefixes));
    }

    /** Whether SMS may go to {@code e164}, a number in E.164 form ({@code +} and digits). */
    public boolean allows(String e164) {
        if (anywhere) {
            return true;
        }
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        return prefixes.stream().anyMatch(digits::startsWith);
    }

    /** Why {@code e164} is refused, as a clause naming its country calling code and what is allowed instead. */
    public String refusal(String e164) {
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        String allowed = prefixes.isEmpty() ? "none" : "+" + String.join(", +", prefixes);
        return "country calling code +" + digits.substring(0, codeLength(digits))
                + " is not allowed here (allowed: " + allowed + ")";
    }

    /** How many digits the country calling code that starts {@code digits} has (at least 2 if one digit cannot tell). */
    private static int codeLength(String digits) {
        if (digits.startsWith("1") || digits.startsWith("7")) {
            return 1;
        }
        return digits.length() < 2 || TWO_DIGIT.contains(digits.substring(0, 2)) ? 2 : 3;
    }
}
