package dev.pausepoint.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Signs and verifies the two kinds of trusted request inside the system, with HMAC-SHA256 under the
 * shared internal secret:
 * <ul>
 *   <li>a client request forwarded by the gateway, carrying the resolved {@link CallerIdentity};</li>
 *   <li>a service-to-service call to {@code /internal/**}, carrying the calling service's name;</li>
 *   <li>a call to the public API that a service makes on behalf of a browser (the dashboard), carrying
 *   the browser's address, so the gateway's per-address limits count the person, not the service.</li>
 * </ul>
 * The signature binds method, raw path, every identity field and a timestamp, so headers cannot be
 * moved to another request or replayed after {@code maxSkew}. Comparison is constant-time.
 */
public final class RequestSigner {

    private static final String IDENTITY_V1 = "pausepoint-identity-v1";
    private static final String INTERNAL_V1 = "pausepoint-internal-v1";
    private static final String RELAYED_V1 = "pausepoint-relayed-v1";
    private static final int MIN_SECRET_LENGTH = 32;

    private final byte[] key;
    private final Clock clock;
    private final Duration maxSkew;

    public RequestSigner(String secret, Clock clock, Duration maxSkew) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the internal secret (INTERNAL_SECRET) must be at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    public RequestSigner(String secret) {
        this(secret, Clock.systemUTC(), Duration.ofSeconds(30));
    }

    /** The headers the gateway adds to a forwarded request. */
    public Map<String, String> signIdentity(CallerIdentity caller, String method, String rawPath) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        if (caller.authenticated()) {
            headers.put(TrustHeaders.DEVELOPER, caller.developerId());
            headers.put(TrustHeaders.MODE, caller.mode().wire());
            headers.put(TrustHeaders.PLAN, caller.plan());
        }
        headers.put(TrustHeaders.CREDENTIAL, caller.credential().wire());
        headers.put(TrustHeaders.CLIENT_IP, caller.clientIp());
        headers.put(TrustHeaders.TIMESTAMP, timestamp);
        headers.put(TrustHeaders.SIGNATURE, hmac(identityPayload(caller, method, rawPath, timestamp)));
        return headers;
    }

    /** The identity a forwarded request carries, or {@link UntrustedRequestException}. */
    public CallerIdentity verifyIdentity(Function<String, String> header, String method, String rawPath) {
        String signature = header.apply(TrustHeaders.SIGNATURE);
        String timestamp = header.apply(TrustHeaders.TIMESTAMP);
        String credential = header.apply(TrustHeaders.CREDENTIAL);
        String clientIp = header.apply(TrustHeaders.CLIENT_IP);
        if (signature == null || timestamp == null || credential == null || clientIp == null) {
            throw new UntrustedRequestException("identity headers missing");
        }
        CallerIdentity caller;
        try {
            CredentialKind kind = CredentialKind.fromWire(credential);
            caller = kind == CredentialKind.NONE ? CallerIdentity.anonymous(clientIp)
                    : new CallerIdentity(header.apply(TrustHeaders.DEVELOPER),
                            KeyMode.fromWire(String.valueOf(header.apply(TrustHeaders.MODE))),
                            header.apply(TrustHeaders.PLAN), kind, clientIp);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UntrustedRequestException("identity headers malformed: " + e.getMessage());
        }
        checkFresh(timestamp);
        checkSignature(identityPayload(caller, method, rawPath, timestamp), signature);
        return caller;
    }

    /** The headers a service adds to its call to another service's {@code /internal/**} endpoint. */
    public Map<String, String> signInternalCall(String caller, String method, String rawPath) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return Map.of(TrustHeaders.INTERNAL_CALLER, caller, TrustHeaders.INTERNAL_TIMESTAMP, timestamp,
                TrustHeaders.INTERNAL_SIGNATURE, hmac(internalPayload(caller, method, rawPath, timestamp)));
    }

    /** The name of the calling service, or {@link UntrustedRequestException}. */
    public String verifyInternalCall(Function<String, String> header, String method, String rawPath) {
        String caller = header.apply(TrustHeaders.INTERNAL_CALLER);
        String timestamp = header.apply(TrustHeaders.INTERNAL_TIMESTAMP);
        String signature = header.apply(TrustHeaders.INTERNAL_SIGNATURE);
        if (caller == null || timestamp == null || signature == null) {
            throw new UntrustedRequestException("internal credential missing");
        }
        checkFresh(timestamp);
        checkSignature(internalPayload(caller, method, rawPath, timestamp), signature);
        return caller;
    }

    /** The headers a service adds to a public API call it makes for the browser at {@code clientIp}. */
    public Map<String, String> signRelayedClient(String clientIp, String method, String rawPath) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return Map.of(TrustHeaders.RELAYED_FOR, clientIp, TrustHeaders.RELAYED_TIMESTAMP, timestamp,
                TrustHeaders.RELAYED_SIGNATURE, hmac(relayedPayload(clientIp, method, rawPath, timestamp)));
    }

    /** The browser's address a relayed call vouches for, or {@link UntrustedRequestException}. */
    public String verifyRelayedClient(Function<String, String> header, String method, String rawPath) {
        String clientIp = header.apply(TrustHeaders.RELAYED_FOR);
        String timestamp = header.apply(TrustHeaders.RELAYED_TIMESTAMP);
        String signature = header.apply(TrustHeaders.RELAYED_SIGNATURE);
        if (clientIp == null || timestamp == null || signature == null) {
            throw new UntrustedRequestException("relayed client headers missing");
        }
        checkFresh(timestamp);
        checkSignature(relayedPayload(clientIp, method, rawPath, timestamp), signature);
        return clientIp;
    }

    private static String relayedPayload(String clientIp, String method, String rawPath, String timestamp) {
        return String.join("\n", RELAYED_V1, method, rawPath, clientIp, timestamp);
    }

    private static String identityPayload(CallerIdentity caller, String method, String rawPath, String timestamp) {
        return String.join("\n", IDENTITY_V1, method, rawPath, String.valueOf(caller.developerId()),
                caller.mode() == null ? "null" : caller.mode().wire(), String.valueOf(caller.plan()),
                caller.credential().wire(), caller.clientIp(), timestamp);
    }

    private static String internalPayload(String caller, String method, String rawPath, String timestamp) {
        return String.join("\n", INTERNAL_V1, method, rawPath, caller, timestamp);
    }

    private void checkFresh(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new UntrustedRequestException("timestamp not a number");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > maxSkew.toSeconds()) {
            throw new UntrustedRequestException("timestamp outside +/-" + maxSkew.toSeconds() + " s");
        }
    }

    private void checkSignature(String payload, String presented) {
        byte[] expected = HexFormat.of().parseHex(hmac(payload));
        byte[] given;
        try {
            given = HexFormat.of().parseHex(presented);
        } catch (IllegalArgumentException e) {
            throw new UntrustedRequestException("signature not hex");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new UntrustedRequestException("signature does not verify");
        }
    }

    private String hmac(String payload) {
        return Hmac.sha256Hex(key, payload.getBytes(StandardCharsets.UTF_8));
    }
}
