package dev.pausepoint.kit.mail;

import java.util.Map;

/**
 * One message to one recipient, with a plain-text part, an optional HTML part, and custom arguments
 * SendGrid echoes back in its event webhook (so an event can be tied to what it is about).
 */
public record Email(String to, String subject, String text, String html, Map<String, String> customArgs) {

    public Email(String to, String subject, String text, String html) {
        this(to, subject, text, html, Map.of());
    }
}
