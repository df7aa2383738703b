package dev.pausepoint.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A URL query built from named values, each percent-encoded; null values are left out. */
final class QueryString {

    private final StringJoiner joined = new StringJoiner("&");

    QueryString add(String name, Object value) {
        if (value != null) {
            joined.add(encode(name) + "=" + encode(value.toString()));
        }
        return this;
    }

    /** {@code ?a=1&b=2}, or empty when no value was added. */
    @Override
    public String toString() {
        return joined.length() == 0 ? "" : "?" + joined;
    }

    /** Form encoding writes a space as '+', which a query reader may keep as a plus: send %20 instead. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
