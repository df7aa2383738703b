package dev.pausepoint.delivery.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses a request to a developer-supplied URL may reach: only public unicast ones. Refused:
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud
 * metadata address, fe80::/10), CGNAT (100.64/10), multicast, unspecified, broadcast, benchmarking,
 * documentation and reserved ranges, and IPv6 forms that embed an IPv4 address (IPv4-mapped,
 * IPv4-compatible, 6to4, NAT64), which are judged by the IPv4 address they carry.
 */
public final class SafeAddresses {

    private SafeAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return publicV4(v4.getAddress());
        }
        byte[] b = address.getAddress();
        byte[] embedded = embeddedV4(b);
        if (embedded != null) {
            return publicV4(embedded);
        }
        Inet6Address v6 = (Inet6Address) address;
        if (v6.isLoopbackAddress() || v6.isAnyLocalAddress() || v6.isLinkLocalAddress() || v6.isSiteLocalAddress()
                || v6.isMulticastAddress()) {
            return false;
        }
        int first = b[0] & 0xFF;
        if ((first & 0xFE) == 0xFC) {
            return false; // fc00::/7 unique local
        }
        if (first == 0x20 && (b[1] & 0xFF) == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8) {
            return false; // 2001:db8::/32 documentation
        }
        if (first == 0x01 && b[1] == 0 && Arrays.equals(Arrays.copyOfRange(b, 2, 8), new byte[6])) {
            return false; // 100::/64 discard
        }
        return (first & 0xE0) == 0x20; // 2000::/3 global unicast; everything else is reserved
    }

    /** The IPv4 address an IPv6 address carries, if it is one of the forms that do. */
    private static byte[] embeddedV4(byte[] b) {
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        if (zeros80 && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return Arrays.copyOfRange(b, 12, 16); // ::ffff:a.b.c.d
        }
        if (zeros80 && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xFE) == 0)) {
            return Arrays.copyOfRange(b, 12, 16); // ::a.b.c.d (deprecated compatible form)
        }
        if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6); // 2002:a.b.c.d::/48 6to4
        }
        if ((b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) {
            return Arrays.copyOfRange(b, 12, 16); // 64:ff9b::/96 NAT64
        }
        return null;
    }

    private static boolean publicV4(byte[] a) {
        int b0 = a[0] & 0xFF;
        int b1 = a[1] & 0xFF;
        int b2 = a[2] & 0xFF;
        return !(b0 == 0                                   // 0/8 this network, incl. unspecified
                || b0 == 10                                // private
                || b0 == 127                               // loopback
                || (b0 == 100 && (b1 & 0xC0) == 64)        // 100.64/10 CGNAT
                || (b0 == 169 && b1 == 254)                // link-local and 169.254.169.254 metadata
                || (b0 == 172 && (b1 & 0xF0) == 16)        // private
                || (b0 == 192 && b1 == 0 && b2 == 0)       // 192.0.0/24 protocol assignments
                || (b0 == 192 && b1 == 0 && b2 == 2)       // documentation
                || (b0 == 192 && b1 == 88 && b2 == 99)     // 6to4 relay anycast
                || (b0 == 192 && b1 == 168)                // private
                || (b0 == 198 && (b1 & 0xFE) == 18)        // 198.18/15 benchmarking
                || (b0 == 198 && b1 == 51 && b2 == 100)    // documentation
                || (b0 == 203 && b1 == 0 && b2 == 113)     // documentation
                || b0 >= 224);                             // multicast, reserved, broadcast
    }

    /** For tests and messages: parses a literal without a DNS lookup. */
    static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text.replace("[", "").replace("]", ""));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
