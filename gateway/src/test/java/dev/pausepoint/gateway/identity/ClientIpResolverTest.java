package dev.pausepoint.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientIpResolverTest {

    private final ClientIpResolver resolver = new ClientIpResolver(List.of("10.0.0.0/8", "fd00::/8"));

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
}
