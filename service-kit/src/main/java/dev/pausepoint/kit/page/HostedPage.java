package dev.pausepoint.kit.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The shell of every page PausePoint hosts for people (the response page, the password reset): one
 * document with an inline stylesheet, no script and no third-party asset. The Content-Security-Policy
 * allows exactly that stylesheet, by its hash, and forms posting back to the same origin; nothing else
 * loads. Pages are never cached (they show the state of a single-use link) and send no referrer, so the
 * token in the address never leaks to another site.
 */
public final class HostedPage {

    /** Phone first: full-width controls at least 48 px high, and nothing wider than the screen. */
    static final String STYLE = "*{box-sizing:border-box}"
            + "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:32rem;margin:0 auto;"
            + "padding:1.5rem 1rem;line-height:1.5;color:#1b1b1f;background:#fff;overflow-wrap:anywhere}"
            + "h1{font-size:1.4rem;margin:0 0 1rem}"
            + ".message{font-size:1.15rem;white-space:pre-wrap;background:#f3f4f7;border-radius:.5rem;padding:1rem;"
            + "margin:0 0 1.25rem}"
            + "label,input,textarea,button,.button{display:block;width:100%;font:inherit;font-size:1.1rem}"
            + "input,textarea{padding:.7rem;margin:.4rem 0 1rem;border:1px solid #8a8d99;border-radius:.5rem}"
            + "textarea{min-height:6rem;resize:vertical}"
            + "button,.button{min-height:3.25rem;padding:.8rem 1rem;margin:0 0 .75rem;border:0;border-radius:.6rem;"
            + "background:#1f4fd1;color:#fff;text-align:center;text-decoration:none;font-weight:600;cursor:pointer}"
            + ".secondary{background:#e6e8ef;color:#1b1b1f}"
            + ".problem{color:#a40000}.note{color:#555a66;font-size:.95rem}"
            + "@media (prefers-color-scheme:dark){body{background:#121318;color:#e8e9ee}"
            + ".message{background:#23252d}.secondary{background:#30333d;color:#e8e9ee}.note{color:#a9adb9}}";

    static final String POLICY = "default-src 'none'; style-src 'sha256-" + sha256Base64(STYLE) + "'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private HostedPage() {
    }

    /** A whole page; {@code bodyHtml} is trusted markup, so every value in it must come through {@link #escape}. */
    public static ResponseEntity<String> render(int status, String title, String bodyHtml) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">"
                + "<title>" + escape(title) + " - PausePoint</title><style>" + STYLE + "</style></head><body>"
                + "<main><h1>" + escape(title) + "</h1>" + bodyHtml + "</main></body></html>";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .body(html);
    }

    private static String sha256Base64(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Text for HTML content and double-quoted attribute values. */
    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
