package dev.pausepoint.kit.mail;

import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import java.io.IOException;
import java.net.URI;

/**
 * Sends email through SendGrid's official SDK ({@code POST /v3/mail/send}). One client for the whole
 * system: billing's password-reset mail and delivery's email channel. {@code baseUrl} is empty in
 * production (the SDK's own host); tests aim it at a local WireMock over plain HTTP.
 */
public class SendGridMailer {

    private final SendGrid client;
    private final com.sendgrid.helpers.mail.objects.Email from;

    public SendGridMailer(String apiKey, String fromEmail, String fromName, String baseUrl) {
        if (apiKey == null || apiKey.isBlank() || fromEmail == null || fromEmail.isBlank()) {
            this.client = null;
            this.from = null;
            return;
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            this.client = new SendGrid(apiKey);
        } else {
            URI uri = URI.create(baseUrl);
            // The SDK's "test" flag only switches its scheme to http, which a local WireMock needs.
            this.client = new SendGrid(apiKey, "http".equals(uri.getScheme()));
            this.client.setHost(uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        }
        this.from = new com.sendgrid.helpers.mail.objects.Email(fromEmail, fromName);
    }

    public boolean configured() {
        return client != null;
    }

    public MailResult send(Email email) {
        if (!configured()) {
            return MailResult.notConfigured();
        }
        Mail mail = new Mail(from, email.subject(), new com.sendgrid.helpers.mail.objects.Email(email.to()),
                new Content("text/plain", email.text()));
        if (email.html() != null) {
            mail.addContent(new Content("text/html", email.html()));
        }
        email.customArgs().forEach(mail::addCustomArg);
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint("mail/send");
        try {
            request.setBody(mail.build());
            Response response = client.api(request);
            String messageId = response.getHeaders() == null ? null : response.getHeaders().get("X-Message-Id");
            return MailResult.of(response.getStatusCode(), messageId, response.getBody());
        } catch (IOException e) {
            return MailResult.transportFailure("SendGrid unreachable: " + e.getMessage());
        }
    }
}
