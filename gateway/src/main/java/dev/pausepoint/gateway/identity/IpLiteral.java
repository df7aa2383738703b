package dev.pausepoint.gateway.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an IP address literal and never anything else: a dotted-quad IPv4 address, or an IPv6 address
 * (optionally in brackets, an IPv4-mapped one read as its IPv4 address). {@link InetAddress#getByName}
 * alone would send any other text, {@code 1.2.3.4.5} or {@code 999.0.0.1} included, to DNS, blocking
 * the request's thread on a name a client chose.
 */
public final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private IpLiteral() {
    }

    public static Optional<InetAddress> parse(String text) {
        String value = text.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            Matcher ipv4 = IPV4.matcher(value);
            if (ipv4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(ipv4.group(i + 1));
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            // With a colon in it, the JDK parses the text as an IPv6 literal or refuses it, never resolves it.
            return IPV6.matcher(value).matches() ? Optional.of(InetAddress.getByName(value)) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
