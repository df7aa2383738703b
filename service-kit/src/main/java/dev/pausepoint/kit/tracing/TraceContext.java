package dev.pausepoint.kit.tracing;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A span's context as the W3C {@code traceparent} header writes it ({@code 00-<trace id>-<span id>-<flags>}):
 * the form it is stored in (a text column next to the work it belongs to) and carried in (HTTP and Kafka
 * headers), so a stored value is what any W3C-aware consumer reads.
 */
public record TraceContext(String traceparent) {

    public static final String HEADER = "traceparent";
    private static final Pattern W3C = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    public TraceContext {
        if (traceparent == null || !W3C.matcher(traceparent).matches()) {
            throw new IllegalArgumentException("not a W3C traceparent: " + traceparent);
        }
    }

    /** The context in a stored or received value, or null when there is none or it is not one. */
    public static TraceContext parse(String traceparent) {
        return traceparent != null && W3C.matcher(traceparent).matches() ? new TraceContext(traceparent) : null;
    }

    /** The context a Kafka record carries, or null. */
    public static TraceContext from(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null ? null : parse(new String(header.value(), StandardCharsets.ISO_8859_1));
    }

    /** Adds this context to a Kafka record's headers. */
    public void addTo(Headers headers) {
        headers.remove(HEADER);
        headers.add(HEADER, traceparent.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The stored value of a possibly absent context. */
    public static String text(TraceContext context) {
        return context == null ? null : context.traceparent();
    }

    public String traceId() {
        return traceparent.substring(3, 35);
    }
}
