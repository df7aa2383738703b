package dev.pausepoint.gateway.longpoll;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

/**
 * Whether a request is a long-poll on one pause, and for how long it may wait. It errs towards counting:
 * the path is read decoded (as routing and the service read it), and a {@code wait} the gateway cannot
 * read as a plain number counts as the longest wait, since the service may accept it as one (Spring reads
 * {@code 0x1e} as 30); one it refuses is answered with its 422 at once. Only GET waits: a HEAD is
 * answered at once (its answer has no body to tell pending from done, and its signature names HEAD).
 */
final class LongPollRequest {

    static final int MAX_WAIT_SECONDS = 30;

    private static final Pattern ONE_PAUSE = Pattern.compile("/v1/pause/[^/]+/?");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d{1,9}");

    private LongPollRequest() {
    }

    /** The seconds the request may wait (1–30), or empty when it is not a long-poll. */
    static OptionalInt waitSeconds(HttpMethod method, String rawPath, List<String> waitValues) {
        if (!HttpMethod.GET.equals(method)) {
            return OptionalInt.empty();
        }
        if (waitValues == null || waitValues.isEmpty() || !ONE_PAUSE.matcher(decoded(rawPath)).matches()) {
            return OptionalInt.empty();
        }
        int longest = 0;
        for (String value : waitValues) {
            longest = Math.max(longest, seconds(value));
        }
        return longest > 0 ? OptionalInt.of(longest) : OptionalInt.empty();
    }

    /** The pause id of a path that {@link #waitSeconds} accepted. */
    static String pauseId(String rawPath) {
        String path = decoded(rawPath);
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static int seconds(String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            return 0;
        }
        if (PLAIN_NUMBER.matcher(trimmed).matches()) {
            return Math.max(0, Math.min(MAX_WAIT_SECONDS, Integer.parseInt(trimmed)));
        }
        return MAX_WAIT_SECONDS;
    }

    private static String decoded(String rawPath) {
        try {
            return UriUtils.decode(rawPath, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return rawPath;
        }
    }
}
