package dev.pausepoint.systemtests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generators of hostile input, driven by one seeded {@link Random} so a failing run is reproduced by its
 * seed: arbitrary JSON values (deep, wide, huge numbers, duplicate keys), strings of every awkward kind
 * (NUL, lone surrogates, emoji, right-to-left, controls, lengths at the limits), path segments
 * (percent-escapes good and bad, dot segments, raw UTF-8, very long) and query strings.
 */
final class FuzzInputs {

    private static final List<String> WORDS = List.of("pending", "responded", "Approve", "Reject", "sms", "email",
            "slack", "pause.responded", "pause.timed_out", "https://example.com/hook", "http://127.0.0.1/x",
            "+14155550123", "a@b.co", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "../../etc/passwd",
            "${jndi:ldap://x/a}", "NaN", "-0", "1e400", "null", "true", "live", "test", "pro", "free");
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "2147483648", "9223372036854775808",
            "-9223372036854775809", "1e400", "-1e-400", "-0", "0.1", "1.5e3", "123456789012345678901234567890",
            "1.7976931348623157e309", "30", "31", "100", "101");
    private static final List<String> SEGMENTS = List.of("%00", "%zz", "%", "%2", "%2F", "%2f", "%5C", "%2e%2e",
            "%2E", "..", ".", "", ";x=1", "%ED%A0%80", "%ED%B0%80", "%FF", "%C0%80", "%C3%A9", "%25", "%20", "+", "~",
            "@", ":", "%3B", "%0A", "%0D%0A", "%E2%80%AE", "%F0%9F%9A%80");
    private static final List<String> FIELDS = List.of("recipient", "channel", "message", "options", "allow_text_response",
            "timeout_hours", "timeout_default", "metadata", "url", "events", "secret", "choice", "text", "status",
            "limit", "offset", "wait");

    final Random random;

    FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A string of one of the kinds that break naive code. */
    String string() {
        return switch (random.nextInt(14)) {
            case 0 -> "";
            case 1 -> ascii(random.nextInt(40));
            case 2 -> bmp(1 + random.nextInt(30));
            case 3 -> "\uD83D\uDE80 ship \uD83D\uDC4D\uD83C\uDFFD";
            case 4 -> "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \u202Etxt.exe";
            case 5 -> ascii(random.nextInt(5)) + "\u0000" + ascii(random.nextInt(5));
            case 6 -> ascii(random.nextInt(5)) + (chance(50) ? "\uD800" : "\uDC00") + ascii(random.nextInt(5));
            case 7 -> "\u0001\u0007\b\t\n\r\u001F\u007F\u0085\u2028";
            case 8 -> String.valueOf(chance(50) ? 'a' : '\u00E9').repeat(pick(List.of(99, 100, 101, 255, 256, 2000,
                    2001, 5000)));
            case 9 -> "\uDBFF\uDFFF\uFFFE\uFFFF\uFEFF";
            case 10 -> pick(WORDS) + (chance(30) ? "\u0000" : "");
            case 11 -> "\\u0000 \\ud800 %00 %zz \" \\";
            default -> pick(WORDS);
        };
    }

    private String ascii(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (0x20 + random.nextInt(0x5F)));
        }
        return out.toString();
    }

    private String bmp(int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            char c = (char) random.nextInt(0x10000);
            if (!Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} as a JSON string literal; every surrogate and control as an escape, so lone ones survive. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0x7F) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Any JSON value, as text (so duplicate keys and numbers no parser would produce can be written). */
    String json(int depth) {
        int kind = depth <= 0 ? random.nextInt(4) : random.nextInt(7);
        return switch (kind) {
            case 0 -> quote(string());
            case 1 -> pick(NUMBERS);
            case 2 -> pick(List.of("true", "false", "null"));
            case 3 -> quote(pick(WORDS));
            case 4 -> array(depth);
            case 5, 6 -> object(depth);
            default -> throw new IllegalStateException();
        };
    }

    private String array(int depth) {
        int size = chance(10) ? 200 + random.nextInt(800) : random.nextInt(6);
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ",").append(size > 50 ? quote(pick(WORDS)) : json(depth - 1));
        }
        return out.append(']').toString();
    }

    private String object(int depth) {
        int size = chance(10) ? 200 + random.nextInt(800) : random.nextInt(6);
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            String key = chance(50) ? pick(FIELDS) : string();
            out.append(i == 0 ? "" : ",").append(quote(key)).append(':')
                    .append(size > 50 ? pick(NUMBERS) : json(depth - 1));
        }
        return out.append('}').toString();
    }

    /** Nesting beyond what a parser allows by default. */
    String deep() {
        int depth = 400 + random.nextInt(1200);
        return chance(50) ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** Which fields of a valid body are strings, lists of strings and objects. */
    record Shape(List<String> strings, List<String> lists, List<String> objects) {
    }

    /**
     * {@code valid} (a JSON object's text) with one field given another value, mostly of the right type so
     * the rest of the rules pass and the value reaches the code that stores it: a string field gets a
     * hostile string, a list field a list of them, an object field an arbitrary object; sometimes any
     * field gets any value. The field is written again at the end; the parser keeps the last of
     * duplicate keys.
     */
    String mutate(String validObject, Shape shape) {
        String field;
        String value;
        int kind = random.nextInt(10);
        if (kind < 5 || shape.lists().isEmpty() && shape.objects().isEmpty()) {
            field = pick(shape.strings());
            value = quote(hostile());
        } else if (kind < 7 && !shape.lists().isEmpty()) {
            field = pick(shape.lists());
            value = "[" + quote(pick(WORDS)) + "," + quote(hostile()) + "]";
        } else if (kind < 8 && !shape.objects().isEmpty()) {
            field = pick(shape.objects());
            value = "{" + quote(chance(30) ? hostile() : pick(FIELDS)) + ":" + (chance(50) ? quote(hostile()) : json(2))
                    + "}";
        } else {
            field = pick(FIELDS);
            value = json(2);
        }
        String inner = validObject.trim();
        inner = inner.substring(1, inner.length() - 1);
        return "{" + inner + "," + quote(field) + ":" + value + "}";
    }

    /** A string, half the time a plausible word with NUL, a lone surrogate or an emoji inside. */
    String hostile() {
        return chance(50) ? string()
                : pick(WORDS) + pick(List.of("\u0000", "\uD800", "\uDC00", "\uD83D\uDE80")) + pick(WORDS);
    }

    /** A path segment (or a few), raw: good and bad percent-escapes, dot segments, raw UTF-8, long runs. */
    byte[] segment() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(6)) {
                case 0 -> out.writeBytes(ascii(random.nextInt(20)).replaceAll("[ ?#%\"<>\\\\^`{|}]", "x")
                        .getBytes(StandardCharsets.US_ASCII));
                case 1 -> out.writeBytes(("psr_" + java.util.UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));
                case 2 -> out.writeBytes(bmp(1 + random.nextInt(4)).replaceAll("[\\x00-\\x20\\x7F]", "x")
                        .getBytes(StandardCharsets.UTF_8));
                case 3 -> out.writeBytes("a".repeat(pick(List.of(255, 256, 1000, 3000)))
                        .getBytes(StandardCharsets.US_ASCII));
                default -> out.writeBytes(pick(SEGMENTS).getBytes(StandardCharsets.US_ASCII));
            }
            if (i + 1 < parts && chance(40)) {
                out.write('/');
            }
        }
        return out.toByteArray();
    }

    /** A raw query string (without the {@code ?}). */
    byte[] query() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pairs = random.nextInt(4);
        for (int i = 0; i < pairs; i++) {
            if (i > 0) {
                out.write('&');
            }
            out.writeBytes((chance(70) ? pick(FIELDS) : pick(SEGMENTS)).getBytes(StandardCharsets.US_ASCII));
            if (chance(90)) {
                out.write('=');
                out.writeBytes(switch (random.nextInt(4)) {
                    case 0 -> pick(NUMBERS).getBytes(StandardCharsets.US_ASCII);
                    case 1 -> pick(SEGMENTS).getBytes(StandardCharsets.US_ASCII);
                    case 2 -> java.net.URLEncoder.encode(pick(WORDS), StandardCharsets.UTF_8)
                            .getBytes(StandardCharsets.US_ASCII);
                    default -> segment();
                });
            }
        }
        return out.toByteArray();
    }

    /** A form body: the page's fields with arbitrary values, encoded well or badly. */
    byte[] form(String nonce) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("choice=" + (chance(50) ? "Yes" : java.net.URLEncoder.encode(string(), StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("&text=".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chance(50) ? query() : java.net.URLEncoder.encode(string(), StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(("&nonce=" + (chance(70) ? nonce : pick(SEGMENTS))).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A respond token: arbitrary, or a real one cut, extended or with a character changed. */
    byte[] token(String real) {
        return switch (random.nextInt(4)) {
            case 0 -> segment();
            case 1 -> real.substring(0, random.nextInt(real.length())).getBytes(StandardCharsets.US_ASCII);
            case 2 -> (real + new String(segment(), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
            default -> {
                char[] chars = real.toCharArray();
                chars[random.nextInt(chars.length)] = (char) ('A' + random.nextInt(26));
                yield new String(chars).getBytes(StandardCharsets.US_ASCII);
            }
        };
    }
}
