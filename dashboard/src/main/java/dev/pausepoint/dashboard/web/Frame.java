package dev.pausepoint.dashboard.web;

import dev.pausepoint.dashboard.api.World;

/**
 * What the layout needs around every page: its title, the world and section it belongs to (null on the
 * signed-out pages), the CSRF token for the forms in the header, and a one-line notice to show on top.
 *
 * @param section the path below the world ({@code ""}, {@code "pauses"}, ...), for the navigation and
 *        for the link to the same section in the other world
 */
public record Frame(String title, World world, String section, String csrf, String notice) {

    public static Frame signedOut(String title, Browser browser) {
        return new Frame(title, null, null, browser.csrfToken(), null);
    }

    public static Frame signedIn(String title, World world, String section, Browser browser) {
        return new Frame(title, world, section, browser.csrfToken(), null);
    }

    public Frame withNotice(String text) {
        return new Frame(title, world, section, csrf, text);
    }

    public boolean signedIn() {
        return world != null;
    }

    /** The path of a section in this frame's world. */
    public String path(String sectionPath) {
        return "/dashboard/" + world.wire() + (sectionPath.isEmpty() ? "" : "/" + sectionPath);
    }

    /** The same section in the other world: what the live/test switch links to. */
    public String otherWorldPath() {
        return "/dashboard/" + world.other().wire() + (section.isEmpty() ? "" : "/" + section);
    }

    public boolean isSection(String candidate) {
        return candidate.equals(section);
    }
}
