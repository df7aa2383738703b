package dev.pausepoint.response.respond;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.asker.Asker;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
import dev.pausepoint.page.HostedPages;
import dev.pausepoint.response.respond.PauseClient.PauseForResponse;
import dev.pausepoint.response.respond.Responses.Link;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Map;
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
 * answer. GET and HEAD never change anything, so mail scanners and link previews cannot answer. The
 * markup is in {@code src/main/jte/respond}, inside the shell of {@link HostedPages}.
 */
@RestController
public class RespondPage {

    private final Responses responses;
    private final FormNonces nonces;
    private final HostedPages pages;

    public RespondPage(Responses responses, FormNonces nonces, HostedPages pages) {
        this.responses = responses;
        this.nonces = nonces;
        this.pages = pages;
    }

    /**
     * The options of a pending link; {@code problem} is why the person is asked again, or null;
     * {@code silence} what happens if no one answers by {@code until}.
     */
    public record Choose(String problem, Asker asker, String message, String token, List<String> options,
            String until, String silence) {
    }

    /** The form that records {@code choice}; {@code text} is the note typed so far. */
    public record Confirm(String problem, Asker asker, String message, String token, String choice, String nonce,
            boolean allowText, String text, String until, String silence) {
    }

    @GetMapping("/respond/{token}")
    @ApiOperation(id = "openResponsePage", tag = "Hosted pages", summary = "The hosted response page (HTML)",
            access = Access.NONE, page = true, responseMediaTypes = "text/html",
            description = "choice=<option> opens the confirmation of that option. Never changes anything.")
    public ResponseEntity<String> open(@PathVariable String token, @RequestParam(required = false) String choice) {
        try {
            return pageFor(responses.open(token), 200, choice, "", null);
        } catch (ApiException e) {
            return problemPage(e, null, null, "");
        }
    }

    @PostMapping(path = "/respond/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @ApiOperation(id = "answerResponsePage", tag = "Hosted pages", summary = "The response page's confirmation form",
            access = Access.NONE, page = true, responseMediaTypes = "text/html", body = Map.class,
            bodyMediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            description = "Form fields choice, text and nonce (the nonce the confirmation page carries).")
    public ResponseEntity<String> answer(@PathVariable String token,
            @Parameter(hidden = true) @RequestParam(defaultValue = "") String choice,
            @Parameter(hidden = true) @RequestParam(defaultValue = "") String text,
            @Parameter(hidden = true) @RequestParam(defaultValue = "") String nonce,
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
        return pages.render(200, "Thank you", "respond/thanks.jte", answered.responseChoice());
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
        return pages.render(status, "An AI agent needs your answer", "respond/choose.jte",
                new Choose(problem, pause.asker(), pause.message(), link.token(), pause.options(), until(pause),
                        pause.silence()));
    }

    private ResponseEntity<String> confirmPage(int status, Link link, String choice, String text, String problem) {
        PauseForResponse pause = link.pause();
        return pages.render(status, "Confirm your answer", "respond/confirm.jte", new Confirm(problem, pause.asker(),
                pause.message(), link.token(), choice, nonces.issue(link.token()), pause.allowTextResponse(), text,
                until(pause), pause.silence()));
    }

    /** The page for a link that can no longer be answered. */
    private ResponseEntity<String> finishedPage(Link link) {
        return switch (link.state()) {
            case ANSWERED -> answeredPage(link.choice());
            case CANCELLED -> cancelledPage(200);
            case EXPIRED -> expiredPage(link.choice());
            case PENDING -> throw new IllegalStateException("a pending link is not finished");
        };
    }

    private ResponseEntity<String> cancelledPage(int status) {
        return pages.render(status, "No longer needed", "respond/cancelled.jte", null);
    }

    private ResponseEntity<String> answeredPage(String choice) {
        return pages.render(410, "Already answered", "respond/answered.jte", choice);
    }

    /** {@code defaultChoice} is what the timeout applied, if the pause had a default. */
    private ResponseEntity<String> expiredPage(String defaultChoice) {
        return pages.render(410, "This request has expired", "respond/expired.jte", defaultChoice);
    }

    /**
     * The page for a rejected request. Where the person can still answer (a wrong choice, a note too long,
     * pause-service briefly unavailable), the form comes back with the reason; {@code reread} (null when
     * the link could not even be read) reads the link again for it.
     */
    private ResponseEntity<String> problemPage(ApiException e, Supplier<Link> reread, String choice, String text) {
        int status = e.code().status();
        return switch (e.code()) {
            case INVALID_TOKEN -> pages.render(status, "This link is not valid", "respond/invalid.jte", null);
            case TOKEN_USED -> answeredPage(((TokenUsedException) e).choice());
            case TOKEN_EXPIRED -> expiredPage(null);
            case ALREADY_CANCELLED -> cancelledPage(status);
            case INVALID_CHOICE, VALIDATION_ERROR, SERVICE_UNAVAILABLE -> retryPage(e, reread, choice, text);
            default -> pages.notice(status, "Something went wrong", e.getMessage());
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
            return pages.notice(again.code().status(), "Please try again", reason);
        }
    }

    private static String until(PauseForResponse pause) {
        return Asker.time(pause.expiresAt());
    }
}
