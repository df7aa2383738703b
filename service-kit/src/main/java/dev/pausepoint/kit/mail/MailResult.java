package dev.pausepoint.kit.mail;

/**
 * What the provider answered. {@code retryable} is true for server errors, 429 and transport failures,
 * where trying again later may succeed; a 4xx otherwise means the message itself was refused.
 */
public record MailResult(boolean accepted, boolean retryable, int status, String messageId, String error) {

    static MailResult of(int status, String messageId, String body) {
        boolean accepted = status >= 200 && status < 300;
        boolean retryable = status == 429 || status >= 500;
        return new MailResult(accepted, retryable, status, messageId, accepted ? null : "SendGrid answered " + status
                + (body == null || body.isBlank() ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
    }

    static MailResult transportFailure(String reason) {
        return new MailResult(false, true, 0, null, reason);
    }

    static MailResult notConfigured() {
        return new MailResult(false, false, 0, null, "email is not configured (SENDGRID_API_KEY, SENDGRID_FROM_EMAIL)");
    }
}
