package dev.pausepoint.dashboard.web;

import dev.pausepoint.dashboard.api.Caller;
import dev.pausepoint.dashboard.api.World;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * A request from a signed-in browser to a page of one world: what a page controller needs to call the
 * API and to frame its page. Controllers take it as an argument ({@link SignedInResolver}); a browser
 * without a session never reaches them, it is sent to the sign-in page.
 */
public record SignedIn(Browser browser, World world) {

    public Caller caller() {
        return new Caller(browser.clientIp(), browser.session().orElseThrow().token(), world);
    }

    public Frame frame(String title, String section) {
        return Frame.signedIn(title, world, section, browser);
    }

    /** The page of one resource of a section, its id encoded: {@code path("pauses", id)}. */
    public String path(String section, String id) {
        return path(section) + "/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }

    /** A page of this world, e.g. {@code path("pauses")} is {@code /dashboard/test/pauses} in the test world. */
    public String path(String section) {
        return "/dashboard/" + world.wire() + (section.isEmpty() ? "" : "/" + section);
    }
}
