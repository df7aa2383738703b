package dev.pausepoint.errors.reactive;

import dev.pausepoint.errors.ErrorBodyJson;
import dev.pausepoint.errors.ErrorMapper;
import dev.pausepoint.errors.ErrorMapper.MappedError;
import dev.pausepoint.errors.RequestIds;
import dev.pausepoint.errors.logging.SecretMasking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Renders every failure of the reactive stack in the envelope, ahead of Boot's default handler (order
 * -1): unknown paths, wrong methods, oversized bodies, unreachable services and bugs alike.
 */
public class EnvelopeErrorWebExceptionHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorWebExceptionHandler.class);

    private final ErrorMapper mapper;

    public EnvelopeErrorWebExceptionHandler(ErrorMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        String requestId = requestId(exchange);
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        MappedError error = mapper.map(failure, method, path, requestId);
        if (error.unexpected()) {
            log.error("Unhandled failure on {} {} [request id {}]", method, SecretMasking.mask(path), requestId,
                    failure);
        }
        response.setStatusCode(HttpStatus.valueOf(error.status()));
        var headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.remove(org.springframework.http.HttpHeaders.CONTENT_LENGTH);
        error.headers().forEach(headers::set);
        byte[] body = ErrorBodyJson.write(error.body());
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private static String requestId(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(RequestIds.ATTRIBUTE);
        return id != null ? id.toString() : RequestIds.generate();
    }

    @Override
    public int getOrder() {
        return -2;
    }
}
