package dev.pausepoint.dashboard.web;

import dev.pausepoint.identity.Hmac;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/**
 * The addresses of the dashboard's stylesheet and script, each with a version from its content. The
 * browser may keep them for a year (application.yml), so a page costs one request instead of three, which
 * matters under the gateway's per-address window for public paths; a new build changes the version, so a
 * changed file is fetched at once. Read once from the classpath: the files are part of the build.
 */
public final class Assets {

    private static final String STYLESHEET = versioned("dashboard.css");
    private static final String SCRIPT = versioned("dashboard.js");

    private Assets() {
    }

    public static String stylesheet() {
        return STYLESHEET;
    }

    public static String script() {
        return SCRIPT;
    }

    private static String versioned(String name) {
        try (InputStream file = Assets.class.getResourceAsStream("/dashboard-assets/" + name)) {
            if (file == null) {
                throw new IllegalStateException("no dashboard asset " + name + " on the classpath");
            }
            byte[] digest = Hmac.sha256("dashboard-asset".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    file.readAllBytes());
            return "/dashboard/assets/" + name + "?v=" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
