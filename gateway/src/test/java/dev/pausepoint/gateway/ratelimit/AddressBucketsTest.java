package dev.pausepoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressBucketsTest {

    private final AddressBuckets slash64 = new AddressBuckets(64);

    @Test
    void ipv4CountsPerAddress() {
        assertThat(slash64.of("198.51.100.7")).isEqualTo("198.51.100.7");
    }

    @Test
    void ipv6CountsPerSlash64ByDefault() {
        assertThat(slash64.of("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(slash64.of("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(slash64.of("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3:0:0:0:0/64");
        assertThat(slash64.of("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:0/64");
    }

    @Test
    void thePrefixLengthIsConfigurableToTheBit() {
        assertThat(new AddressBuckets(56).of("2001:db8:1:2ff::1")).isEqualTo("2001:db8:1:200:0:0:0:0/56");
        assertThat(new AddressBuckets(60).of("2001:db8:1:2ff::1")).isEqualTo("2001:db8:1:2f0:0:0:0:0/60");
        assertThat(new AddressBuckets(128).of("2001:db8::1")).isEqualTo("2001:db8:0:0:0:0:0:1/128");
        assertThatThrownBy(() -> new AddressBuckets(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressBuckets(129)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIpv4MappedAddressIsItsIpv4Client() {
        assertThat(slash64.of("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(slash64.of("0:0:0:0:0:ffff:c633:6407")).isEqualTo("198.51.100.7");
    }

    @Test
    void aZoneIdIsDropped() {
        assertThat(slash64.of("fe80:0:0:0:0:0:0:1%2")).isEqualTo("fe80:0:0:0:0:0:0:0/64");
        assertThat(slash64.of("fe80::abcd%eth0")).isEqualTo("fe80:0:0:0:0:0:0:0/64");
    }

    @Test
    void whatIsNoAddressStaysAsItIsWithoutALookup() {
        assertThat(slash64.of("unknown")).isEqualTo("unknown");
        assertThat(slash64.of("example.com")).isEqualTo("example.com");
        assertThat(slash64.of("1:2:3")).isEqualTo("1:2:3");
    }
}
