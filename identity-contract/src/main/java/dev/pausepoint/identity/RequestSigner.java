package dev.pausepoint.identity;

import java.net.URLDecoder;
import java.net.URLEncoder;
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
 * moved to another request or replayed after {@code maxSkew}. Comparison is constant-time. The account
 * name travels percent-encoded (UTF-8), so any name fits in a header and none can end it early; the
 * signature covers the encoded form, which is canonical (every byte a name could be misread by is encoded).
 */
public final class RequestSigner {

    private static final String IDENTITY_V2 = "pausepoint-identity-v2";
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
            if (caller.accountName() != null) {
                headers.put(TrustHeaders.ACCOUNT_NAME, encodeName(caller.accountName()));
            }
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
                            header.apply(TrustHeaders.PLAN), kind, clientIp,
                            decodeName(header.apply(TrustHeaders.ACCOUNT_NAME)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UntrustedRequestException("identity headers malformed: " + e.getMessage());
        }
        checkFresh(timestamp);
        checkSignature(identityPayload(caller, method, rawPath, timestamp), signature);
        return caller;
    }

    /**
     * A signed value bound to one request: who calls an internal endpoint, or whose browser a relayed call is
     * for. Each has its own headers and payload version, so one can never pass for the other.
     */
    private record NamedValue(String version, String valueHeader, String timestampHeader, String signatureHeader,
            String missing) {
    }

    private static final NamedValue INTERNAL_CALL = new NamedValue(INTERNAL_V1, TrustHeaders.INTERNAL_CALLER,
            TrustHeaders.INTERNAL_TIMESTAMP, TrustHeaders.INTERNAL_SIGNATURE, "internal credential missing");
    private static final NamedValue RELAYED_CLIENT = new NamedValue(RELAYED_V1, TrustHeaders.RELAYED_FOR,
            TrustHeaders.RELAYED_TIMESTAMP, TrustHeaders.RELAYED_SIGNATURE, "relayed client headers missing");

    /** The headers a service adds to its call to another service's {@code /internal/**} endpoint. */
    public Map<String, String> signInternalCall(String caller, String method, String rawPath) {
        return sign(INTERNAL_CALL, caller, method, rawPath);
    }

    /** The name of the calling service, or {@link UntrustedRequestException}. */
    public String verifyInternalCall(Function<String, String> header, String method, String rawPath) {
        return verify(INTERNAL_CALL, header, method, rawPath);
    }

    /** The headers a service adds to a public API call it makes for the browser at {@code clientIp}. */
    public Map<String, String> signRelayedClient(String clientIp, String method, String rawPath) {
        return sign(RELAYED_CLIENT, clientIp, method, rawPath);
    }

    /** The browser's address a relayed call vouches for, or {@link UntrustedRequestException}. */
    public String verifyRelayedClient(Function<String, String> header, String method, String rawPath) {
        return verify(RELAYED_CLIENT, header, method, rawPath);
    }

    private Map<String, String> sign(NamedValue kind, String value, String method, String rawPath) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return Map.of(kind.valueHeader(), value, kind.timestampHeader(), timestamp,
                kind.signatureHeader(), hmac(namedPayload(kind, value, method, rawPath, timestamp)));
    }

    private String verify(NamedValue kind, Function<String, String> header, String method, String rawPath) {
        String value = header.apply(kind.valueHeader());
        String timestamp = header.apply(kind.timestampHeader());
        String signature = header.apply(kind.signatureHeader());
        if (value == null || timestamp == null || signature == null) {
            throw new UntrustedRequestException(kind.missing());
        }
        checkFresh(timestamp);
        checkSignature(namedPayload(kind, value, method, rawPath, timestamp), signature);
        return value;
    }

    private static String namedPayload(NamedValue kind, String value, String method, String rawPath, String timestamp) {
        return String.join("\n", kind.version(), method, rawPath, value, timestamp);
    }

    /** An absent name is the empty string: a registered name is never blank, so the two cannot meet. */
    private static String identityPayload(CallerIdentity caller, String method, String rawPath, String timestamp) {
        return String.join("\n", IDENTITY_V2, method, rawPath, String.valueOf(caller.developerId()),
                caller.mode() == null ? "null" : caller.mode().wire(), String.valueOf(caller.plan()),
                caller.credential().wire(), caller.clientIp(),
                caller.accountName() == null ? "" : encodeName(caller.accountName()), timestamp);
    }

    /** Percent-encoded UTF-8 with spaces as {@code %20}, so the header is plain ASCII and decodes back exactly. */
    static String encodeName(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decodeName(String encoded) {
        return encoded == null ? null : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
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
