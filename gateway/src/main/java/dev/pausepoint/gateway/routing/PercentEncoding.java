package dev.pausepoint.gateway.routing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Percent-encoding of a request target (RFC 3986), read strictly and once: the reading the gateway
 * classifies and routes on is the one Tomcat and Spring downstream decode, so no spelling of a path
 * can be counted as one endpoint and served as another.
 */
public final class PercentEncoding {

    private static final String SUB_DELIMS = "!$&'()*+,;=";

    private PercentEncoding() {
    }

    /** Only path characters and well-formed {@code %XX} escapes: what any URI parser accepts. */
    public static boolean isWellFormedPath(String rawPath) {
        return wellFormed(rawPath, "/:@");
    }

    /** The same for a query, which may also hold {@code /} and {@code ?}. */
    public static boolean isWellFormedQuery(String rawQuery) {
        return wellFormed(rawQuery, "/:@?");
    }

    private static boolean wellFormed(String raw, String extra) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return false;
                }
                i += 2;
            } else if (!isUnreserved(c) && SUB_DELIMS.indexOf(c) < 0 && extra.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text a well-formed {@code raw} stands for: its escapes decoded once as UTF-8. Empty when the
     * bytes are not UTF-8 (truncated, overlong, a surrogate) or the text holds a control character
     * (NUL, CR, LF, DEL ...), which no endpoint, id or token contains and which the database cannot
     * always store.
     */
    public static Optional<String> decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw.chars().anyMatch(PercentEncoding::isControl) ? Optional.empty() : Optional.of(raw);
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.put((byte) (hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2))));
                i += 2;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            return text.chars().anyMatch(PercentEncoding::isControl) ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * The one spelling of a well-formed path (RFC 3986, 6.2.2): escapes of unreserved characters
     * decoded ({@code %61uth} is {@code auth}), every other escape in upper case. Two spellings of one
     * path have the same canonical form, and a service decodes the canonical form to the same text.
     */
    public static String canonical(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return rawPath;
        }
        StringBuilder canonical = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                canonical.append(c);
                continue;
            }
            char decoded = (char) (hex(rawPath.charAt(i + 1)) << 4 | hex(rawPath.charAt(i + 2)));
            if (isUnreserved(decoded)) {
                canonical.append(decoded);
            } else {
                canonical.append('%').append(Character.toUpperCase(rawPath.charAt(i + 1)))
                        .append(Character.toUpperCase(rawPath.charAt(i + 2)));
            }
            i += 2;
        }
        return canonical.toString();
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7F;
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }
}
