package dev.pausepoint.kit.asker;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Who asks a human: the developer's account name, frozen onto the pause at create, and the optional
 * {@code agent_name} the agent gave. Either may be null (a pause created before names were kept has
 * neither). The raw names are data; what people see is their display form ({@link #display}).
 */
public record Asker(String accountName, String agentName) {

    /** The longest name shown whole, in characters as people count them (code points). */
    public static final int DISPLAY_MAX = 60;

    private static final String ELLIPSIS = "\u2026";
    private static final Asker UNKNOWN = new Asker(null, null);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** Nobody named: a message recorded before names were kept, which names no sender. */
    public static Asker unknown() {
        return UNKNOWN;
    }

    /** Whether the account is known, so the sender can be named at all. */
    public boolean named() {
        return display(accountName) != null;
    }

    /** The account's display name, or null. */
    public String account() {
        return display(accountName);
    }

    /** The agent's display name, or null. */
    public String agent() {
        return display(agentName);
    }

    /**
     * {@code <account> is asking, through its agent <agent>}, or without the agent part; null when the
     * account is not known.
     */
    public String askingLine() {
        if (!named()) {
            return null;
        }
        return agent() == null ? account() + " is asking" : account() + " is asking, through its agent " + agent();
    }

    /**
     * A name as it may be shown anywhere, a message header included: control characters (C0, DEL, C1: CR
     * and LF among them) become spaces, the bidirectional embeddings, overrides and isolates are dropped so
     * a name cannot reorder the sentence around it, spaces are trimmed, and a name longer than
     * {@value #DISPLAY_MAX} characters is cut to its first {@value #DISPLAY_MAX} - 1 and {@code …}. Null
     * (or nothing left) is null.
     */
    public static String display(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder shown = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.CONTROL) {
                shown.append(' ');
            } else if (!bidiControl(cp)) {
                shown.appendCodePoint(cp);
            }
        });
        String trimmed = shown.toString().strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.codePointCount(0, trimmed.length()) <= DISPLAY_MAX) {
            return trimmed;
        }
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, DISPLAY_MAX - 1)).stripTrailing() + ELLIPSIS;
    }

    private static boolean bidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /**
     * What silence means: {@code If no one answers by <time>, the agent will go ahead with ‘<default>’.}, or,
     * without a default, that the request expires and the agent is told no one answered.
     */
    public static String silence(Instant expiresAt, String timeoutDefault) {
        String by = "If no one answers by " + time(expiresAt) + ", ";
        return timeoutDefault == null
                ? by + "the request expires and the agent is told that no one answered."
                : by + "the agent will go ahead with \u2018" + timeoutDefault + "\u2019.";
    }

    /** A time as people read it on the page and in messages, e.g. {@code 1 Dec 2026, 14:00 UTC}. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }
}
