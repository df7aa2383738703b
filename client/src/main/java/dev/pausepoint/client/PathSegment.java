package dev.pausepoint.client;

import java.nio.charset.StandardCharsets;

/**
 * Ids put into a path, percent-encoded so that no id can reach another path: a {@code /}, {@code ?},
 * {@code #} or {@code %} in an id, or an id that is {@code .} or {@code ..}, stays inside its segment.
 */
final class PathSegment {

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private PathSegment() {
    }

    /** The encoded segment; a blank id is refused here, since {@code /v1/pause/} would be another call. */
    static String encode(String name, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (id.equals(".") || id.equals("..")) {
            return id.replace(".", "%2E");
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            if (UNRESERVED.indexOf(b) >= 0) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
