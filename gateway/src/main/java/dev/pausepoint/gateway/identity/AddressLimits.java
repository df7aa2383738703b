package dev.pausepoint.gateway.identity;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The per-address windows that resolving a credential must pass, kept by rate limiting. Each completes
 * empty when the request may go on, or errors (429) when the address is over its limit.
 */
public interface AddressLimits {

    /**
     * Before billing-service is asked about a credential this instance does not hold: the request takes
     * its slot in the client-IP backstop now, so a flood of random keys past that window costs no lookup.
     */
    Mono<Void> countLookup(ServerWebExchange exchange, String clientIp);

    /**
     * A refused credential, before its 401 goes out: counted like any unauthenticated request from that
     * address, so guessing keys is limited like anonymous traffic.
     */
    Mono<Void> countFailure(ServerWebExchange exchange, String clientIp);
}
