package dev.pausepoint.gateway.identity;

import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.identity.TrustHeaders;
import dev.pausepoint.identity.UntrustedRequestException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client address every limit and audit entry uses. It is the socket peer, unless the peer is a
 * configured trusted proxy: then {@code X-Forwarded-For} is walked from the proxy back towards the
 * client and the first hop that is not itself a trusted proxy is the client. Taking the literal
 * left-most value instead would let any client choose its own address by sending the header.
 *
 * <p>A service that calls the public API for a person's browser (the dashboard) names the browser's
 * address in {@code X-PausePoint-Relayed-For}, signed under the internal secret for this method and path:
 * that address is the client, so a person signing in through the dashboard counts in their own
 * per-address window and the dashboard's address is never throttled for all of its users. Relay headers
 * that do not verify are ignored (the client is then found as above); a client cannot forge them
 * without the internal secret, and the gateway removes them before forwarding like every
 * {@code X-PausePoint-*} header.
 */
public class ClientIpResolver {

    private final List<Cidr> trustedProxies;
    private final RequestSigner relays;

    public ClientIpResolver(List<String> trustedProxies, RequestSigner relays) {
        this.trustedProxies = trustedProxies.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
        this.relays = relays;
    }

    public String resolve(ServerHttpRequest request) {
        return relayed(request).orElseGet(() -> fromConnection(request));
    }

    private Optional<String> relayed(ServerHttpRequest request) {
        if (!request.getHeaders().containsHeader(TrustHeaders.RELAYED_FOR)) {
            return Optional.empty();
        }
        try {
            String claimed = relays.verifyRelayedClient(request.getHeaders()::getFirst, request.getMethod().name(),
                    request.getURI().getRawPath());
            return IpLiteral.parse(claimed).map(InetAddress::getHostAddress);
        } catch (UntrustedRequestException e) {
            return Optional.empty();
        }
    }

    private String fromConnection(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return "unknown";
        }
        if (!trusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        String client = peer.getHostAddress();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress hop = IpLiteral.parse(forwarded.get(i)).orElse(null);
            if (hop == null) {
                // A hop we cannot read ends the walk: everything before it is the client's word.
                break;
            }
            client = hop.getHostAddress();
            if (!trusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(cidr -> cidr.contains(address));
    }
}
