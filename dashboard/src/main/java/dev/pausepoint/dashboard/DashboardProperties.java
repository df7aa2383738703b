package dev.pausepoint.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard's settings (docs/operations.md, "Dashboard").
 *
 * @param apiUrl where the public API is called: the gateway, as the dashboard reaches it
 * @param publicBaseUrl the address developers use, shown in the snippets
 * @param secureCookies whether cookies carry {@code Secure}; off only for a local run over plain http
 * @param checkoutOrigins origins the upgrade form may continue to (Paddle's checkout links), added to the
 *        page's {@code form-action}
 * @param apiTimeout how long one API call may take before the page says the service is unavailable
 */
@ConfigurationProperties("pausepoint.dashboard")
public record DashboardProperties(URI apiUrl, URI publicBaseUrl, boolean secureCookies, List<String> checkoutOrigins,
        Duration apiTimeout) {

    public DashboardProperties {
        checkoutOrigins = checkoutOrigins == null ? List.of()
                : checkoutOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        apiTimeout = apiTimeout == null ? Duration.ofSeconds(10) : apiTimeout;
    }

    /** The public base URL without a trailing slash, for snippets. */
    public String publicBase() {
        return publicBaseUrl.toString().replaceAll("/+$", "");
    }
}
