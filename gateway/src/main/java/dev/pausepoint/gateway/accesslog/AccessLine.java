package dev.pausepoint.gateway.accesslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The access line in Boot's console layout (the {@code logging.pattern.console} default, with the gateway's
 * {@code logging.pattern.correlation}), put together by hand instead of by Logback's pattern layout:
 * its converters (date, padded level, thread and logger, the bracketed correlation ids from the MDC) and
 * the MDC copies around them were 7 % of the request threads' samples (docs/benchmark.md, "Where the
 * CPU goes"). The line reads exactly as one written by the pattern (the example in docs/tracing-and-logs.md,
 * "Log lines"): time, level, process id, application, thread, {@code [trace id,span id,request id]}, logger,
 * message. The time is the system time zone's, as Logback's; the date and time to the second are
 * formatted once a second.
 */
final class AccessLine {

    static final String LOGGER = "dev.pausepoint.gateway.access";
    /** {@code %-40.40logger{39}} of this logger's name: under 39 characters, so not abbreviated, only padded. */
    private static final String LOGGER_COLUMN = String.format("%-40s", LOGGER);
    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final int THREAD_WIDTH = 15;

    private final ZoneId zone;
    /** What follows the time up to the thread: {@code "  INFO <pid> --- [<application>] "}. */
    private final String levelProcessAndApplication;
    private volatile Second second = new Second(Long.MIN_VALUE, "", "");

    /** {@code application} and {@code group} as Boot's {@code %esb}: each in brackets if not empty. */
    AccessLine(ZoneId zone, long pid, String application, String group) {
        this.zone = zone;
        this.levelProcessAndApplication = "  INFO " + pid + " --- " + bracketed(application) + bracketed(group);
    }

    private static String bracketed(String name) {
        return name == null || name.isEmpty() ? "" : "[" + name + "] ";
    }

    /** The line, its line separator included, for a message written at {@code epochMillis} on {@code thread}. */
    String format(long epochMillis, String thread, String traceId, String spanId, String requestId, String message) {
        StringBuilder line = new StringBuilder(192 + message.length());
        Second current = secondOf(Math.floorDiv(epochMillis, 1000));
        int millis = (int) Math.floorMod(epochMillis, 1000);
        line.append(current.text()).append('.');
        if (millis < 100) {
            line.append(millis < 10 ? "00" : "0");
        }
        line.append(millis).append(current.offset()).append(levelProcessAndApplication).append('[');
        // %15.15t: the last fifteen characters, right-aligned.
        if (thread.length() >= THREAD_WIDTH) {
            line.append(thread, thread.length() - THREAD_WIDTH, thread.length());
        } else {
            for (int pad = thread.length(); pad < THREAD_WIDTH; pad++) {
                line.append(' ');
            }
            line.append(thread);
        }
        line.append("] [").append(orEmpty(traceId)).append(',').append(orEmpty(spanId)).append(',')
                .append(orEmpty(requestId)).append("] ").append(LOGGER_COLUMN).append(" : ").append(message)
                .append(System.lineSeparator());
        return line.toString();
    }

    /** Writes the line on standard output as Logback's console appender does: one write of its bytes. */
    void write(long epochMillis, String thread, String traceId, String spanId, String requestId, String message) {
        byte[] bytes = format(epochMillis, thread, traceId, spanId, requestId, message)
                .getBytes(StandardCharsets.UTF_8);
        System.out.write(bytes, 0, bytes.length);
        System.out.flush();
    }

    private Second secondOf(long epochSecond) {
        Second cached = second;
        if (cached.epochSecond() == epochSecond) {
            return cached;
        }
        Instant instant = Instant.ofEpochSecond(epochSecond);
        ZoneOffset offset = zone.getRules().getOffset(instant);
        // Logback's XXX: Z for UTC, otherwise +hh:mm, which is what an offset's id is.
        Second fresh = new Second(epochSecond, TO_THE_SECOND.format(instant.atOffset(offset)), offset.getId());
        second = fresh;
        return fresh;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private record Second(long epochSecond, String text, String offset) {
    }
}
