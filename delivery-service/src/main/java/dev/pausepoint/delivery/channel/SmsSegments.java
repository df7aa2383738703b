package dev.pausepoint.delivery.channel;

/**
 * What an SMS body costs in segments, as carriers count them. A body written entirely in the GSM-7
 * alphabet goes as 7-bit characters: 160 in one segment, 153 per segment once it is split (the rest
 * carries the joining header); the extension-table characters ({@code ^ { } \ [ ~ ] | €} and form
 * feed) are sent as an escape plus a character and count 2, and an escape pair is never split across
 * segments. Any other character switches the whole body to UCS-2: 70 UTF-16 code units in one segment,
 * 67 per split segment, a surrogate pair (an emoji) never split either.
 */
public final class SmsSegments {

    private static final String GSM7_BASIC = "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5"
            + "\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u00c6\u00e6\u00df\u00c9"
            + " !\"#\u00a4%&'()*+,-./0123456789:;<=>?"
            + "\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7"
            + "\u00bfabcdefghijklmnopqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0";
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|\u20ac";

    private SmsSegments() {
    }

    /** Whether every character of {@code text} is in the GSM-7 alphabet (basic or extension table). */
    public static boolean gsm7(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM7_BASIC.indexOf(c) < 0 && GSM7_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** How many segments {@code text} is sent as. */
    public static int count(CharSequence text) {
        boolean gsm7 = gsm7(text);
        int single = gsm7 ? 160 : 70;
        int perSegment = gsm7 ? 153 : 67;
        int segments = 1;
        int used = 0;
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int cost = gsm7 ? gsm7Cost(text.charAt(i)) : utf16Cost(text, i);
            if (used + cost > perSegment) {
                segments++;
                used = 0;
            }
            used += cost;
            total += cost;
            i += gsm7 ? 1 : cost;
        }
        return total <= single ? 1 : segments;
    }

    private static int gsm7Cost(char c) {
        return GSM7_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
    }

    private static int utf16Cost(CharSequence text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
    }
}
