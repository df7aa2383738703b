package dev.pausepoint.response.respond;

import static dev.pausepoint.kit.page.HostedPage.escape;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.page.HostedPage;
import dev.pausepoint.response.respond.PauseClient.PauseForResponse;
import dev.pausepoint.response.respond.Responses.Link;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hosted page behind {@code respond_url}: plain HTML forms, no script, readable on a phone. Answering
 * takes two steps: an option (a link, so it also works from an email button's {@code ?choice=}) opens
 * a confirmation form, and only that form's POST, carrying a nonce bound to the token, records the
 * answer. GET and HEAD never change anything, so mail scanners and link previews cannot answer.
 */
@RestController
public class RespondPage {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Responses responses;
    private final FormNonces nonces;

    public RespondPage(Responses responses, FormNonces nonces) {
        this.responses = responses;
        this.nonces = nonces;
    }

    @GetMapping("/respond/{token}")
    public ResponseEntity<String> open(@PathVariable String token, @RequestParam(required = false) String choice) {
        try {
            return pageFor(responses.open(token), 200, choice, "", null);
        } catch (ApiException e) {
            return problemPage(e, null, null, "");
        }
    }

    @PostMapping(path = "/respond/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> answer(@PathVariable String token, @RequestParam(defaultValue = "") String choice,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String nonce,
            CallerIdentity caller, @RequestHeader(name = "User-Agent", required = false) String userAgent) {
        if (!nonces.valid(token, nonce)) {
            // A stale page or a form posted from elsewhere: ask again, recording nothing.
            try {
                return pageFor(responses.open(token), 403, choice, text, "Please confirm your answer once more.");
            } catch (ApiException e) {
                return problemPage(e, null, null, "");
            }
        }
        PauseForResponse answered;
        try {
            answered = responses.respond(token, choice, text.isEmpty() ? null : text, caller.clientIp(),
                    Responses.trimUserAgent(userAgent));
        } catch (ApiException e) {
            return problemPage(e, () -> responses.open(token), choice, text);
        }
        return HostedPage.render(200, "Thank you", "<p>Your answer <strong>" + escape(answered.responseChoice())
                + "</strong> was recorded and sent to the agent that asked.</p>"
                + "<p class=\"note\">You can close this page.</p>");
    }

    /** A link's page: how it ended, or the confirmation for a valid {@code choice}, or the options. */
    private ResponseEntity<String> pageFor(Link link, int status, String choice, String text, String problem) {
        if (link.state() != Responses.LinkState.PENDING) {
            return finishedPage(link);
        }
        return link.pause().options().contains(choice)
                ? confirmPage(status, link, choice, text, problem)
                : choosePage(status, link, problem);
    }

    private ResponseEntity<String> choosePage(int status, Link link, String problem) {
        PauseForResponse pause = link.pause();
        StringBuilder body = new StringBuilder(question(pause, problem))
                .append("<p>Choose your answer:</p><nav aria-label=\"Options\">");
        for (String option : pause.options()) {
            body.append("<a class=\"button\" href=\"").append(escape(link.token())).append("?choice=")
                    .append(escape(URLEncoder.encode(option, StandardCharsets.UTF_8))).append("\">")
                    .append(escape(option)).append("</a>");
        }
        body.append("</nav>").append(expiryNote(pause));
        return HostedPage.render(status, "An AI agent needs your answer", body.toString());
    }

    private ResponseEntity<String> confirmPage(int status, Link link, String choice, String text, String problem) {
        PauseForResponse pause = link.pause();
        StringBuilder body = new StringBuilder(question(pause, problem))
                .append("<form method=\"post\" action=\"").append(escape(link.token())).append("\">")
                .append("<p>Your answer: <strong>").append(escape(choice)).append("</strong></p>")
                .append("<input type=\"hidden\" name=\"choice\" value=\"").append(escape(choice)).append("\">")
                .append("<input type=\"hidden\" name=\"nonce\" value=\"").append(escape(nonces.issue(link.token())))
                .append("\">");
        if (pause.allowTextResponse()) {
            body.append("<label for=\"text\">Add a note for the agent (optional)</label>")
                    .append("<textarea id=\"text\" name=\"text\" maxlength=\"2000\">").append(escape(text))
                    .append("</textarea>");
        }
        body.append("<button type=\"submit\">Confirm: ").append(escape(choice)).append("</button></form>")
                .append("<a class=\"button secondary\" href=\"").append(escape(link.token()))
                .append("\">Choose a different answer</a>").append(expiryNote(pause));
        return HostedPage.render(status, "Confirm your answer", body.toString());
    }

    /** The page for a link that can no longer be answered. */
    private static ResponseEntity<String> finishedPage(Link link) {
        return switch (link.state()) {
            case ANSWERED -> answeredPage(link.choice());
            case CANCELLED -> cancelledPage(200);
            case EXPIRED -> expiredPage(link.choice());
            case PENDING -> throw new IllegalStateException("a pending link is not finished");
        };
    }

    private static ResponseEntity<String> cancelledPage(int status) {
        return HostedPage.render(status, "No longer needed", "<p>The agent withdrew this request, so no answer is "
                + "needed. Thank you.</p>");
    }

    private static ResponseEntity<String> answeredPage(String choice) {
        return HostedPage.render(410, "Already answered", "<p>This request was already answered with <strong>"
                + escape(choice) + "</strong>. Each link can be used once.</p>");
    }

    /** {@code defaultChoice} is what the timeout applied, if the pause had a default. */
    private static ResponseEntity<String> expiredPage(String defaultChoice) {
        return HostedPage.render(410, "This request has expired", "<p>The time to answer has run out"
                + (defaultChoice == null ? "; no answer was recorded."
                        : ", so the agent went ahead with its default answer <strong>" + escape(defaultChoice)
                                + "</strong>.")
                + "</p>");
    }

    /**
     * The page for a rejected request. Where the person can still answer (a wrong choice, a note too long,
     * pause-service briefly unavailable), the form comes back with the reason; {@code reread} (null when
     * the link could not even be read) reads the link again for it.
     */
    private ResponseEntity<String> problemPage(ApiException e, Supplier<Link> reread, String choice, String text) {
        int status = e.code().status();
        return switch (e.code()) {
            case INVALID_TOKEN -> HostedPage.render(status, "This link is not valid", "<p>Check that you opened the "
                    + "whole link from your message. If it still fails, ask whoever sent it for a new one.</p>");
            case TOKEN_USED -> answeredPage(((TokenUsedException) e).choice());
            case TOKEN_EXPIRED -> expiredPage(null);
            case ALREADY_CANCELLED -> cancelledPage(status);
            case INVALID_CHOICE, VALIDATION_ERROR, SERVICE_UNAVAILABLE -> retryPage(e, reread, choice, text);
            default -> HostedPage.render(status, "Something went wrong", "<p>" + escape(e.getMessage()) + "</p>");
        };
    }

    private ResponseEntity<String> retryPage(ApiException e, Supplier<Link> reread, String choice, String text) {
        String reason = switch (e.code()) {
            case INVALID_CHOICE -> "Please choose one of the options.";
            case VALIDATION_ERROR -> "Your note can be at most 2000 characters.";
            default -> "Your answer could not be recorded just now. Please try again in a moment.";
        };
        try {
            if (reread == null) {
                throw e;
            }
            return pageFor(reread.get(), e.code().status(), choice, text, reason);
        } catch (ApiException again) {
            return HostedPage.render(again.code().status(), "Please try again", "<p>" + escape(reason) + "</p>");
        }
    }

    private static String question(PauseForResponse pause, String problem) {
        return (problem == null ? "" : "<p class=\"problem\" role=\"alert\">" + escape(problem) + "</p>")
                + "<p class=\"message\">" + escape(pause.message()) + "</p>";
    }

    private static String expiryNote(PauseForResponse pause) {
        return "<p class=\"note\">This link works once, until " + EXPIRY.format(pause.expiresAt()) + ".</p>";
    }
}
