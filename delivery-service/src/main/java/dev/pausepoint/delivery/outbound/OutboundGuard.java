package dev.pausepoint.delivery.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SSRF guard for every request to a URL a developer gave us (webhooks, Slack recipients). A URL
 * must be https with a host whose every address is public. Hosts named in {@code insecureHosts}
 * (configuration, empty by default, for local testing) may use plain http and any address.
 */
public class OutboundGuard {

    private final Set<String> insecureHosts;

    public OutboundGuard(List<String> insecureHosts) {
        this.insecureHosts = insecureHosts.stream().filter(h -> !h.isBlank())
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Checks what can be checked without DNS: scheme, a host, no credentials, and, when the host is an
     * address literal, the address (HTTP clients connect to a literal without asking the resolver).
     */
    public void checkUrl(URI url) throws UnsafeDestinationException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null || url.getRawUserInfo() != null) {
            throw new UnsafeDestinationException("must be an absolute URL with a host and no credentials");
        }
        boolean insecureAllowed = insecureHosts.contains(host.toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(insecureAllowed && scheme.equals("http"))) {
            throw new UnsafeDestinationException("must use https");
        }
        if (isAddressLiteral(host)) {
            resolve(host);
        }
    }

    private static boolean isAddressLiteral(String host) {
        return host.startsWith("[") || host.indexOf(':') >= 0
                || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /**
     * Resolves {@code host} and returns its addresses only if every one is public (or the host is an
     * allowed insecure host). Used at registration and as the DNS of every outbound call, so the
     * connection goes to the addresses that were checked.
     */
    public List<InetAddress> resolve(String host) throws UnsafeDestinationException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new UnsafeDestinationException("has a host that does not resolve");
        }
        if (insecureHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return List.of(addresses);
        }
        for (InetAddress address : addresses) {
            if (!SafeAddresses.isPublic(address)) {
                // The address itself stays out of the message: it would map the hosting network.
                throw new UnsafeDestinationException("must resolve only to public addresses");
            }
        }
        return List.of(addresses);
    }

    /** Both checks, as at registration. */
    public void check(URI url) throws UnsafeDestinationException {
        checkUrl(url);
        resolve(url.getHost());
    }
}
