package dev.pausepoint.kit.trust;

import dev.pausepoint.errors.ErrorBody;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.logging.SecretMasking;
import dev.pausepoint.errors.servlet.ServletErrorWriter;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.identity.UntrustedRequestException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The service side of the trust boundary: a request is served only when the gateway signed the
 * identity it carries, or, on {@code /internal/**}, when another service signed the call. A caller
 * that reaches a service directly therefore cannot claim an identity or skip the gateway's limits.
 * Actuator probes stay open for orchestrators; they are never routed from outside.
 */
public class GatewayTrustFilter extends OncePerRequestFilter implements Ordered {

    /** Request attribute holding the verified {@link CallerIdentity}. */
    public static final String CALLER = GatewayTrustFilter.class.getName() + ".caller";
    /** Request attribute holding the name of the service that made a verified internal call. */
    public static final String INTERNAL_CALLER = GatewayTrustFilter.class.getName() + ".internalCaller";

    /** The whole answer to an untrusted request: it names no reason, so a prober learns nothing. */
    static final ErrorBody REFUSAL = ErrorBody.of(ErrorCode.INVALID_API_KEY,
            "This service only accepts requests forwarded by the PausePoint gateway.");

    private static final Logger log = LoggerFactory.getLogger(GatewayTrustFilter.class);

    private final RequestSigner signer;

    public GatewayTrustFilter(RequestSigner signer) {
        this.signer = signer;
    }

    /**
     * The probes orchestrators and the gateway's {@code /health} call unsigned; {@code /actuator/**} is not
     * served on this port at all (it lives on the management port), so it answers a plain 404.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/") || path.equals("/livez") || path.equals("/readyz");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        try {
            if (path.startsWith("/internal/")) {
                request.setAttribute(INTERNAL_CALLER,
                        signer.verifyInternalCall(request::getHeader, request.getMethod(), path));
            } else {
                request.setAttribute(CALLER, signer.verifyIdentity(request::getHeader, request.getMethod(), path));
            }
        } catch (UntrustedRequestException e) {
            log.warn("Refused {} {} from {}: {}", request.getMethod(), SecretMasking.mask(path),
                    request.getRemoteAddr(), e.reason());
            ServletErrorWriter.write(response, REFUSAL);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public int getOrder() {
        // After the request id and the body limit, before anything reads the request.
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
