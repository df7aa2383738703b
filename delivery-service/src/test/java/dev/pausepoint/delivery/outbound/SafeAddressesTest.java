package dev.pausepoint.delivery.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3",
            "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.0.8", "192.0.2.1",
            "198.18.0.1", "198.51.100.7", "203.0.113.9", "192.88.99.1",
            "::1", "::", "fd00::1", "fc00::1", "fe80::1", "ff02::1", "2001:db8::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1",
            "2002:7f00:0001::1", "2002:a00:1::1", "64:ff9b::a00:1", "64:ff9b::7f00:1", "100::1", "fec0::1"})
    void refusesEveryNonPublicAddress(String address) {
        assertThat(SafeAddresses.isPublic(SafeAddresses.literal(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "169.253.0.1",
            "2606:4700:4700::1111", "2a00:1450:4001:82a::200e", "::ffff:8.8.8.8", "2002:808:808::1",
            "64:ff9b::808:808"})
    void allowsPublicUnicastAddresses(String address) {
        assertThat(SafeAddresses.isPublic(SafeAddresses.literal(address))).as(address).isTrue();
    }
}
