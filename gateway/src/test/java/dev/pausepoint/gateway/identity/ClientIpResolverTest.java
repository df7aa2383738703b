package dev.pausepoint.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.identity.TrustHeaders;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientIpResolverTest {

    private static final String SECRET = "client-ip-resolver-test-secret-0123456789";
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    private final RequestSigner signer = new RequestSigner(SECRET, Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(30));
    private final ClientIpResolver resolver = new ClientIpResolver(List.of("10.0.0.0/8", "fd00::/8"), signer);

    private String resolve(String peer, String... forwardedFor) {
        var request = MockServerHttpRequest.get("/v1/pause")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        for (String hop : forwardedFor) {
            request.header("X-Forwarded-For", hop);
        }
        return resolver.resolve(request.build());
    }

    @Test
    void untrustedPeerIsTheClientWhateverItForwards() {
        assertThat(resolve("203.0.113.7", "1.2.3.4")).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheFirstUntrustedHopBackwardsIsTheClient() {
        assertThat(resolve("10.0.0.2", "198.51.100.9")).isEqualTo("198.51.100.9");
        assertThat(resolve("10.0.0.2", "198.51.100.9, 10.0.0.5")).isEqualTo("198.51.100.9");
    }

    @Test
    void aClientCannotChooseItsAddressByPrependingOne() {
        assertThat(resolve("10.0.0.2", "6.6.6.6, 198.51.100.9")).isEqualTo("198.51.100.9");
        assertThat(resolve("10.0.0.2", "6.6.6.6", "198.51.100.9")).isEqualTo("198.51.100.9");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        assertThat(resolve("10.0.0.2", "10.1.1.1, 10.0.0.5")).isEqualTo("10.1.1.1");
    }

    @Test
    void trustedPeerWithoutTheHeaderIsItself() {
        assertThat(resolve("10.0.0.2")).isEqualTo("10.0.0.2");
    }

    @Test
    void unreadableHopStopsTheWalk() {
        assertThat(resolve("10.0.0.2", "198.51.100.9, evil.example, 10.0.0.5")).isEqualTo("10.0.0.5");
    }

    @Test
    void onlyStrictLiteralsAreReadSoNoHopIsEverLookedUpInDns() {
        assertThat(resolve("10.0.0.2", "198.51.100.9, 1.2.3")).as("not read as 1.2.0.3").isEqualTo("10.0.0.2");
        assertThat(resolve("10.0.0.2", "198.51.100.9, 1.2.3.4.5")).isEqualTo("10.0.0.2");
        assertThat(resolve("10.0.0.2", "198.51.100.9, 999.0.0.1")).isEqualTo("10.0.0.2");
        assertThat(IpLiteral.parse("1.2.3.4.5")).isEmpty();
        assertThat(IpLiteral.parse("256.0.0.1")).isEmpty();
        assertThat(IpLiteral.parse("0x7f.0.0.1")).isEmpty();
        assertThat(IpLiteral.parse("1:2:3")).isEmpty();
        assertThat(IpLiteral.parse("[2001:db8::1]").orElseThrow().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void anIpv4MappedHopIsItsIpv4Address() {
        assertThat(resolve("10.0.0.2", "::ffff:198.51.100.9")).isEqualTo("198.51.100.9");
    }

    @Test
    void ipv6NetworksAndAddressesWork() {
        assertThat(resolve("fd00::1", "2001:db8::7")).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(resolve("2001:db8::1", "198.51.100.9")).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void cidrMatchesOnlyItsNetwork() {
        assertThat(Cidr.parse("192.168.0.0/16").contains(address("192.168.44.1"))).isTrue();
        assertThat(Cidr.parse("192.168.0.0/16").contains(address("192.169.0.1"))).isFalse();
        assertThat(Cidr.parse("100.64.0.0/10").contains(address("100.127.255.255"))).isTrue();
        assertThat(Cidr.parse("100.64.0.0/10").contains(address("100.128.0.0"))).isFalse();
        assertThat(Cidr.parse("203.0.113.7").contains(address("203.0.113.7"))).isTrue();
        assertThatThrownBy(() -> Cidr.parse("localhost/8")).isInstanceOf(IllegalArgumentException.class);
    }

    private static java.net.InetAddress address(String literal) {
        try {
            return java.net.InetAddress.getByAddress(Cidr.literal(literal));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private String resolveRelayed(String peer, Map<String, String> relayHeaders) {
        var request = MockServerHttpRequest.post("/v1/auth/login").remoteAddress(new InetSocketAddress(peer, 40000));
        relayHeaders.forEach(request::header);
        return resolver.resolve(request.build());
    }

    @Test
    void aSignedRelayNamesTheBrowserBehindTheDashboard() {
        assertThat(resolveRelayed("127.0.0.1", signer.signRelayedClient("198.51.100.23", "POST", "/v1/auth/login")))
                .isEqualTo("198.51.100.23");
        assertThat(resolveRelayed("127.0.0.1", signer.signRelayedClient("2001:db8::7", "POST", "/v1/auth/login")))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void aRelayThatDoesNotVerifyIsIgnored() {
        Map<String, String> forged = new java.util.HashMap<>(
                signer.signRelayedClient("198.51.100.23", "POST", "/v1/auth/login"));
        forged.put(TrustHeaders.RELAYED_FOR, "198.51.100.99");
        assertThat(resolveRelayed("203.0.113.7", forged)).as("another address than the one signed")
                .isEqualTo("203.0.113.7");
        assertThat(resolveRelayed("203.0.113.7", signer.signRelayedClient("198.51.100.23", "POST", "/v1/auth/register")))
                .as("signed for another path").isEqualTo("203.0.113.7");
        RequestSigner otherSecret = new RequestSigner("another-secret-entirely-0123456789abcdef",
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
        assertThat(resolveRelayed("203.0.113.7", otherSecret.signRelayedClient("198.51.100.23", "POST",
                "/v1/auth/login"))).as("signed without the internal secret").isEqualTo("203.0.113.7");
        RequestSigner earlier = new RequestSigner(SECRET, Clock.fixed(NOW.minusSeconds(31), ZoneOffset.UTC),
                Duration.ofSeconds(30));
        assertThat(resolveRelayed("203.0.113.7", earlier.signRelayedClient("198.51.100.23", "POST",
                "/v1/auth/login"))).as("replayed after the skew").isEqualTo("203.0.113.7");
    }

    @Test
    void aSignedRelayOfSomethingThatIsNotAnAddressIsIgnored() {
        assertThat(resolveRelayed("203.0.113.7", signer.signRelayedClient("evil.example", "POST", "/v1/auth/login")))
                .isEqualTo("203.0.113.7");
    }
}
