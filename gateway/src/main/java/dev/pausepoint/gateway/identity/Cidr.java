package dev.pausepoint.gateway.identity;

import java.net.InetAddress;

/** An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a /32 or /128. */
record Cidr(byte[] network, int prefixLength) {

    static Cidr parse(String text) {
        String[] parts = text.trim().split("/", 2);
        byte[] address = literal(parts[0]);
        int bits = address.length * 8;
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("bad prefix length in " + text);
        }
        return new Cidr(address, prefix);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = 0xFF << (8 - remainingBits) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Parses an address literal without ever doing a DNS lookup. */
    static byte[] literal(String text) {
        return IpLiteral.parse(text).map(InetAddress::getAddress)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text));
    }
}
