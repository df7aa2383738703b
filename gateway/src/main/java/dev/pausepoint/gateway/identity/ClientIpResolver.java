package dev.pausepoint.gateway.identity;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client address every limit and audit entry uses. It is the socket peer, unless the peer is a
 * configured trusted proxy: then {@code X-Forwarded-For} is walked from the proxy back towards the
 * client and the first hop that is not itself a trusted proxy is the client. Taking the literal
 * left-most value instead would let any client choose its own address by sending the header.
 */
public class ClientIpResolver {

    private final List<Cidr> trustedProxies;

    public ClientIpResolver(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    public String resolve(ServerHttpRequest request) {
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
