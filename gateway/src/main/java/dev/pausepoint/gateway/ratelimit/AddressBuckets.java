package dev.pausepoint.gateway.ratelimit;

import dev.pausepoint.gateway.identity.IpLiteral;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What the per-address windows count a client address as. An IPv4 address counts on its own. An IPv6
 * address counts by its network prefix ({@code /64} unless configured): a subscriber is usually given a
 * whole {@code /64}, so counting single IPv6 addresses would give one client 2^64 fresh windows. An
 * IPv4-mapped IPv6 address ({@code ::ffff:198.51.100.7}) is the IPv4 client it stands for, and a zone
 * id ({@code fe80::1%eth0}) names an interface of this host, not the client, so it is dropped. Only the
 * windows use this; services and the audit log get the full address.
 */
public final class AddressBuckets {

    private final int ipv6PrefixLength;

    public AddressBuckets(int ipv6PrefixLength) {
        if (ipv6PrefixLength < 1 || ipv6PrefixLength > 128) {
            throw new IllegalArgumentException("the IPv6 prefix length must be 1 to 128, not " + ipv6PrefixLength);
        }
        this.ipv6PrefixLength = ipv6PrefixLength;
    }

    /** {@code 198.51.100.7}, or {@code 2001:db8:0:0:0:0:0:0/64}; anything that is no address stays as it is. */
    public String of(String clientIp) {
        int zone = clientIp.indexOf('%');
        InetAddress address = IpLiteral.parse(zone < 0 ? clientIp : clientIp.substring(0, zone)).orElse(null);
        if (address == null) {
            return clientIp;
        }
        if (address instanceof Inet4Address) {
            // Java reads an IPv4-mapped IPv6 literal as the IPv4 address already.
            return address.getHostAddress();
        }
        return network(address.getAddress()) + "/" + ipv6PrefixLength;
    }

    private String network(byte[] bytes) {
        for (int bit = ipv6PrefixLength; bit < 128; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an address", e);
        }
    }
}
