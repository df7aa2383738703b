package dev.pausepoint.kit.mail;

/** One message to one recipient, with a plain-text part and an optional HTML part. */
public record Email(String to, String subject, String text, String html) {
}
