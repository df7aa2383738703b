package dev.pausepoint.dashboard.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dashboard's session cookie: the developer's API session token ({@code pps_...}) and its expiry,
 * sealed with AES-GCM under a key only the dashboard holds. The browser keeps it HttpOnly, so no script
 * can read it, and what it keeps is useless without the dashboard: the cookie is not a bearer token for
 * the API, and it cannot be altered or moved to another cookie name without failing to open.
 */
public final class SessionCookie {

    public static final String NAME = "pp_session";

    private static final Pattern SESSION_TOKEN = Pattern.compile("pps_[0-9a-f]{48}");

    private final Sealer sealer;

    public SessionCookie(DashboardKeys keys) {
        this.sealer = new Sealer(keys.cookieKey(), NAME);
    }

    /** What the cookie holds once opened. */
    public record Session(String token, Instant expiresAt) {
    }

    public String seal(Session session) {
        byte[] token = session.token().getBytes(StandardCharsets.US_ASCII);
        return sealer.seal(ByteBuffer.allocate(Long.BYTES + token.length).putLong(session.expiresAt().getEpochSecond())
                .put(token).array());
    }

    /** The session in {@code value}, if it was sealed by us and has not expired at {@code now}. */
    public Optional<Session> open(String value, Instant now) {
        return sealer.open(value, 200).filter(plain -> plain.length > Long.BYTES).flatMap(plain -> {
            ByteBuffer buffer = ByteBuffer.wrap(plain);
            Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
            String token = StandardCharsets.US_ASCII.decode(buffer).toString();
            return SESSION_TOKEN.matcher(token).matches() && now.isBefore(expiresAt)
                    ? Optional.of(new Session(token, expiresAt)) : Optional.empty();
        });
    }
}
