package dev.pausepoint.gateway.identity;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a refused credential is counted before its 401 goes out, so that guessing keys or flooding
 * with bogus ones is limited like any unauthenticated traffic from that address. Completes empty when
 * the attempt may be answered, or errors (429) when the address is over its limit.
 */
public interface FailedAuthentications {

    Mono<Void> count(ServerWebExchange exchange, String clientIp);
}
