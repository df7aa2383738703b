package dev.pausepoint.dashboard.web;

import dev.pausepoint.dashboard.DashboardProperties;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Renders a dashboard page from its template (under {@code src/main/jte/dashboard}, each with one record
 * parameter that carries its {@link Frame}) with the headers every page has: never cached (pages show
 * keys, secrets and live data), no framing, and a Content-Security-Policy that allows only the
 * dashboard's own stylesheet and script, so nothing injected into a page could run
 * (docs/dashboard.md, "Security").
 */
public class Pages {

    private final TemplateEngine templates;
    private final String contentSecurityPolicy;

    public Pages(TemplateEngine templates, DashboardProperties properties) {
        this.templates = templates;
        this.contentSecurityPolicy = contentSecurityPolicy(properties.checkoutOrigins());
    }

    static String contentSecurityPolicy(List<String> checkoutOrigins) {
        List<String> formAction = new ArrayList<>(List.of("'self'"));
        formAction.addAll(checkoutOrigins);
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "form-action " + String.join(" ", formAction) + "; base-uri 'none'; frame-ancestors 'none'";
    }

    public ResponseEntity<String> render(int status, String template, Object model) {
        StringOutput html = new StringOutput();
        templates.render(template, model, html);
        return ResponseEntity.status(status).headers(headers()).body(html.toString());
    }

    public ResponseEntity<String> ok(String template, Object model) {
        return render(200, template, model);
    }

    /** The headers of every page, also used for the answers {@link BrowserFilter} gives itself. */
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        headers.setCacheControl(CacheControl.noStore());
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        return headers;
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }
}
