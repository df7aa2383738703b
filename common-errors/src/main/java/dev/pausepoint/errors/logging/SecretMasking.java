package dev.pausepoint.errors.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the secret in any text that may hold a URL: the token segment of {@code /respond/<token>} and
 * {@code /v1/respond/<token>}, and the value of a {@code token} query parameter (the password-reset
 * link). The first {@value #KEPT} characters stay, enough to tell two links apart in a log, far too
 * few to use one.
 */
public final class SecretMasking {

    static final int KEPT = 6;
    static final String MASK = "…";

    private static final Pattern SECRETS = Pattern.compile(
            "(?<prefix>/respond/|[?&]token=)(?<secret>[^/?&#\\s\"'<>\\[\\](){},;]+)");

    private SecretMasking() {
    }

    public static String mask(String text) {
        if (text == null || !(text.contains("/respond/") || text.contains("token="))) {
            return text;
        }
        Matcher matcher = SECRETS.matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        while (matcher.find()) {
            String secret = matcher.group("secret");
            String kept = secret.length() > KEPT ? secret.substring(0, KEPT) : "";
            matcher.appendReplacement(masked, Matcher.quoteReplacement(matcher.group("prefix") + kept + MASK));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }
}
