package dev.pausepoint.billing.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** How emails are compared and stored: trimmed and lower-cased, so one address is one account. */
public final class Emails {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private Emails() {
    }

    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static boolean wellFormed(String email) {
        String normalized = normalize(email);
        return normalized.length() <= 254 && SHAPE.matcher(normalized).matches();
    }
}
