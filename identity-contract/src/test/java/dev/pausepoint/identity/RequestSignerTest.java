package dev.pausepoint.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestSignerTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
    private static final Instant NOW = Instant.parse("2026-11-25T16:00:00Z");
    private static final CallerIdentity DEVELOPER = new CallerIdentity("dev_1", KeyMode.TEST, "starter",
            CredentialKind.API_KEY, "203.0.113.7");

    private final RequestSigner signer = signerAt(NOW);

    private static RequestSigner signerAt(Instant now) {
        return new RequestSigner(SECRET, Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(30));
    }

    private CallerIdentity verify(Map<String, String> headers, String method, String path) {
        return signer.verifyIdentity(headers::get, method, path);
    }

    @Test
    void signedIdentityVerifiesBackToTheSameCaller() {
        Map<String, String> headers = signer.signIdentity(DEVELOPER, "POST", "/v1/pause");
        assertThat(verify(headers, "POST", "/v1/pause")).isEqualTo(DEVELOPER);
    }

    @Test
    void anonymousCallerCarriesOnlyItsAddress() {
        CallerIdentity anonymous = CallerIdentity.anonymous("198.51.100.1");
        Map<String, String> headers = signer.signIdentity(anonymous, "POST", "/v1/auth/register");
        assertThat(headers).doesNotContainKeys(TrustHeaders.DEVELOPER, TrustHeaders.MODE, TrustHeaders.PLAN);
        CallerIdentity verified = verify(headers, "POST", "/v1/auth/register");
        assertThat(verified).isEqualTo(anonymous);
        assertThat(verified.authenticated()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {TrustHeaders.DEVELOPER, TrustHeaders.MODE, TrustHeaders.PLAN, TrustHeaders.CLIENT_IP,
            TrustHeaders.CREDENTIAL})
    void changingAnySignedFieldBreaksTheSignature(String header) {
        Map<String, String> headers = new HashMap<>(signer.signIdentity(DEVELOPER, "GET", "/v1/pause"));
        headers.put(header, switch (header) {
            case TrustHeaders.MODE -> "live";
            case TrustHeaders.CREDENTIAL -> "session";
            default -> headers.get(header) + "x";
        });
        assertThatThrownBy(() -> verify(headers, "GET", "/v1/pause")).isInstanceOf(UntrustedRequestException.class);
    }

    @Test
    void headersCannotBeMovedToAnotherPathOrMethod() {
        Map<String, String> headers = signer.signIdentity(DEVELOPER, "GET", "/v1/pause/psr_1");
        assertThatThrownBy(() -> verify(headers, "DELETE", "/v1/pause/psr_1"))
                .isInstanceOf(UntrustedRequestException.class);
        assertThatThrownBy(() -> verify(headers, "GET", "/v1/pause/psr_2"))
                .isInstanceOf(UntrustedRequestException.class);
    }

    @Test
    void signaturesExpireAfterTheAllowedSkew() {
        Map<String, String> headers = signerAt(NOW.minusSeconds(31)).signIdentity(DEVELOPER, "GET", "/v1/pause");
        assertThatThrownBy(() -> verify(headers, "GET", "/v1/pause"))
                .isInstanceOf(UntrustedRequestException.class)
                .satisfies(e -> assertThat(((UntrustedRequestException) e).reason()).contains("timestamp"));
        Map<String, String> fromFuture = signerAt(NOW.plusSeconds(31)).signIdentity(DEVELOPER, "GET", "/v1/pause");
        assertThatThrownBy(() -> verify(fromFuture, "GET", "/v1/pause")).isInstanceOf(UntrustedRequestException.class);
        Map<String, String> withinSkew = signerAt(NOW.minusSeconds(30)).signIdentity(DEVELOPER, "GET", "/v1/pause");
        assertThat(verify(withinSkew, "GET", "/v1/pause")).isEqualTo(DEVELOPER);
    }

    @Test
    void anotherSecretDoesNotVerify() {
        RequestSigner other = new RequestSigner("another-secret-of-at-least-32-characters",
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
        Map<String, String> headers = other.signIdentity(DEVELOPER, "GET", "/v1/pause");
        assertThatThrownBy(() -> verify(headers, "GET", "/v1/pause")).isInstanceOf(UntrustedRequestException.class);
    }

    @Test
    void missingOrGarbledHeadersAreUntrusted() {
        assertThatThrownBy(() -> verify(Map.of(), "GET", "/v1/pause")).isInstanceOf(UntrustedRequestException.class);
        Map<String, String> garbled = new HashMap<>(signer.signIdentity(DEVELOPER, "GET", "/v1/pause"));
        garbled.put(TrustHeaders.SIGNATURE, "not-hex");
        assertThatThrownBy(() -> verify(garbled, "GET", "/v1/pause")).isInstanceOf(UntrustedRequestException.class);
        Map<String, String> badMode = new HashMap<>(signer.signIdentity(DEVELOPER, "GET", "/v1/pause"));
        badMode.put(TrustHeaders.MODE, "production");
        assertThatThrownBy(() -> verify(badMode, "GET", "/v1/pause")).isInstanceOf(UntrustedRequestException.class);
    }

    /** The reason is for the service's log; what the caller is told is the kit's (GatewayTrustFilterTest). */
    @Test
    void refusalCarriesItsReasonForTheLog() {
        assertThatThrownBy(() -> verify(Map.of(), "GET", "/v1/pause"))
                .isInstanceOf(UntrustedRequestException.class)
                .hasMessage("identity headers missing")
                .satisfies(e -> assertThat(((UntrustedRequestException) e).reason()).isEqualTo("identity headers missing"));
    }

    @Test
    void internalCallsVerifyAndNameTheirCaller() {
        Map<String, String> headers = signer.signInternalCall("pause-service", "POST", "/internal/quota/reserve");
        assertThat(signer.verifyInternalCall(headers::get, "POST", "/internal/quota/reserve")).isEqualTo("pause-service");
        assertThatThrownBy(() -> signer.verifyInternalCall(headers::get, "POST", "/internal/quota/release"))
                .isInstanceOf(UntrustedRequestException.class);
        Map<String, String> impostor = new HashMap<>(headers);
        impostor.put(TrustHeaders.INTERNAL_CALLER, "gateway");
        assertThatThrownBy(() -> signer.verifyInternalCall(impostor::get, "POST", "/internal/quota/reserve"))
                .isInstanceOf(UntrustedRequestException.class);
    }

    @Test
    void identityHeadersDoNotPassAsAnInternalCredential() {
        Map<String, String> identity = signer.signIdentity(DEVELOPER, "POST", "/internal/quota/reserve");
        assertThatThrownBy(() -> signer.verifyInternalCall(identity::get, "POST", "/internal/quota/reserve"))
                .isInstanceOf(UntrustedRequestException.class);
    }

    @Test
    void shortSecretIsRefusedAtStartup() {
        assertThatThrownBy(() -> new RequestSigner("too-short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INTERNAL_SECRET");
    }

    @Test
    void everyTrustHeaderIsRecognisedWhateverItsCase() {
        assertThat(TrustHeaders.isTrustHeader("x-pausepoint-developer")).isTrue();
        assertThat(TrustHeaders.isTrustHeader("X-PAUSEPOINT-ANYTHING")).isTrue();
        assertThat(TrustHeaders.isTrustHeader("X-Request-Id")).isFalse();
    }

    @Test
    void aRelayedBrowserAddressVerifiesOnlyForItsRequestAndWithinTheSkew() {
        Map<String, String> relayed = signer.signRelayedClient("198.51.100.4", "POST", "/v1/auth/login");
        assertThat(signer.verifyRelayedClient(relayed::get, "POST", "/v1/auth/login")).isEqualTo("198.51.100.4");
        assertThatThrownBy(() -> signer.verifyRelayedClient(relayed::get, "POST", "/v1/auth/register"))
                .isInstanceOf(UntrustedRequestException.class);
        Map<String, String> moved = new java.util.HashMap<>(relayed);
        moved.put(TrustHeaders.RELAYED_FOR, "198.51.100.5");
        assertThatThrownBy(() -> signer.verifyRelayedClient(moved::get, "POST", "/v1/auth/login"))
                .isInstanceOf(UntrustedRequestException.class);
        assertThatThrownBy(() -> signerAt(NOW.plusSeconds(31)).verifyRelayedClient(relayed::get, "POST",
                "/v1/auth/login")).isInstanceOf(UntrustedRequestException.class);
    }

    @Test
    void anInternalCredentialIsNoRelayAndARelayIsNoInternalCredential() {
        Map<String, String> internal = signer.signInternalCall("198.51.100.4", "POST", "/v1/auth/login");
        Map<String, String> relayed = signer.signRelayedClient("198.51.100.4", "POST", "/v1/auth/login");
        Map<String, String> asRelay = Map.of(TrustHeaders.RELAYED_FOR, "198.51.100.4", TrustHeaders.RELAYED_TIMESTAMP,
                internal.get(TrustHeaders.INTERNAL_TIMESTAMP), TrustHeaders.RELAYED_SIGNATURE,
                internal.get(TrustHeaders.INTERNAL_SIGNATURE));
        assertThatThrownBy(() -> signer.verifyRelayedClient(asRelay::get, "POST", "/v1/auth/login"))
                .isInstanceOf(UntrustedRequestException.class);
        Map<String, String> asInternal = Map.of(TrustHeaders.INTERNAL_CALLER, "198.51.100.4",
                TrustHeaders.INTERNAL_TIMESTAMP, relayed.get(TrustHeaders.RELAYED_TIMESTAMP),
                TrustHeaders.INTERNAL_SIGNATURE, relayed.get(TrustHeaders.RELAYED_SIGNATURE));
        assertThatThrownBy(() -> signer.verifyInternalCall(asInternal::get, "POST", "/v1/auth/login"))
                .isInstanceOf(UntrustedRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme Robotics", "Zoë 🚀 Labs", "شركة المثال", "Line\r\nX-Injected: 1", "nul\u0000byte",
            "100% + more"})
    void theAccountNameTravelsPercentEncodedAndVerifiesBackExactly(String name) {
        CallerIdentity named = new CallerIdentity("dev_1", KeyMode.TEST, "starter", CredentialKind.API_KEY,
                "203.0.113.7", name);
        Map<String, String> headers = signer.signIdentity(named, "POST", "/v1/pause");
        assertThat(headers.get(TrustHeaders.ACCOUNT_NAME)).matches("[A-Za-z0-9%._*-]+");
        assertThat(verify(headers, "POST", "/v1/pause")).isEqualTo(named);
    }

    @Test
    void theAccountNameIsCoveredByTheSignature() {
        CallerIdentity named = new CallerIdentity("dev_1", KeyMode.TEST, "starter", CredentialKind.API_KEY,
                "203.0.113.7", "Acme");
        Map<String, String> changed = new HashMap<>(signer.signIdentity(named, "POST", "/v1/pause"));
        changed.put(TrustHeaders.ACCOUNT_NAME, "Evil%20Corp");
        assertThatThrownBy(() -> verify(changed, "POST", "/v1/pause")).isInstanceOf(UntrustedRequestException.class);
        Map<String, String> dropped = new HashMap<>(signer.signIdentity(named, "POST", "/v1/pause"));
        dropped.remove(TrustHeaders.ACCOUNT_NAME);
        assertThatThrownBy(() -> verify(dropped, "POST", "/v1/pause")).isInstanceOf(UntrustedRequestException.class);
        Map<String, String> added = new HashMap<>(signer.signIdentity(DEVELOPER, "POST", "/v1/pause"));
        added.put(TrustHeaders.ACCOUNT_NAME, "Acme");
        assertThatThrownBy(() -> verify(added, "POST", "/v1/pause")).isInstanceOf(UntrustedRequestException.class);
    }
}
