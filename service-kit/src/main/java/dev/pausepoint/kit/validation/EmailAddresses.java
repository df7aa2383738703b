package dev.pausepoint.kit.validation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for email addresses across services: trimmed and lower-cased for comparison; one
 * {@code @}, no spaces, a dotted domain, at most 254 characters. Deliberately simple: deliverability
 * is the mail provider's question.
 */
public final class EmailAddresses {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private EmailAddresses() {
    }

    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean wellFormed(String email) {
        String normalized = normalize(email);
        return normalized.length() <= 254 && SHAPE.matcher(normalized).matches();
    }
}
