package dev.pausepoint.page;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Renders the pages PausePoint hosts for people (the response page, the password reset): a service's
 * body template inside the shared shell ({@code hostedpage/layout.jte}), one document with the inline
 * stylesheet, no script and no third-party asset. Every value reaches the HTML through a template, which
 * escapes it for where it stands (text or attribute). Pages are never cached (they show the state of a
 * single-use link) and send no referrer, so the token in the address never leaks to another site.
 */
public class HostedPages {

    private final TemplateEngine templates;
    private final Stylesheet stylesheet;
    private final String contentSecurityPolicy;

    public HostedPages(TemplateEngine templates, Stylesheet stylesheet) {
        this.templates = templates;
        this.stylesheet = stylesheet;
        this.contentSecurityPolicy = stylesheet.contentSecurityPolicy();
    }

    /** What the layout template is given. */
    public record Layout(String title, String stylesheet, Content body) {
    }

    /**
     * A page titled {@code title} whose body is the service's template {@code template} (a name under its
     * {@code src/main/jte}) rendered with {@code model}, its one parameter ({@code null} for a template
     * without parameters).
     */
    public ResponseEntity<String> render(int status, String title, String template, Object model) {
        return page(status, title, output -> templates.render(template, model, output));
    }

    /** A page that says one thing: {@code text}, as a paragraph. */
    public ResponseEntity<String> notice(int status, String title, String text) {
        return render(status, title, "hostedpage/notice.jte", text);
    }

    private ResponseEntity<String> page(int status, String title, Content body) {
        StringOutput html = new StringOutput();
        templates.render("hostedpage/layout.jte", new Layout(title, stylesheet.css(), body), html);
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .body(html.toString());
    }
}
