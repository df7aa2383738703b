package dev.pausepoint.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.core.io.Resource;

/**
 * The one stylesheet of the hosted pages. Pages inline it and the Content-Security-Policy allows it by
 * its SHA-256, so the hash is taken here, once at startup, from the very text that is served: editing
 * the file cannot leave a stale hash behind (a stale hash would leave every page unstyled).
 */
public record Stylesheet(String css, String sha256) {

    /** The classpath resource every hosted page uses. */
    public static final String RESOURCE = "dev/pausepoint/page/hosted-page.css";

    public static Stylesheet load(Resource resource) {
        try {
            return of(resource.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hosted pages' stylesheet " + resource, e);
        }
    }

    static Stylesheet of(String css) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
            return new Stylesheet(css, Base64.getEncoder().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Nothing loads but this stylesheet; forms post only to the page's own origin; no base URL, no
     * framing. There is no script at all, so no script source is allowed.
     */
    String contentSecurityPolicy() {
        return "default-src 'none'; style-src 'sha256-" + sha256 + "'; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors 'none'";
    }
}
