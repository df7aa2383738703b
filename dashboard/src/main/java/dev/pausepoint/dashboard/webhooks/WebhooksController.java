package dev.pausepoint.dashboard.webhooks;

import dev.pausepoint.dashboard.api.ApiFailure;
import dev.pausepoint.dashboard.web.Frame;
import dev.pausepoint.dashboard.web.PageNotFound;
import dev.pausepoint.dashboard.web.OneTimeSecrets;
import dev.pausepoint.dashboard.web.Pages;
import dev.pausepoint.dashboard.web.Problem;
import dev.pausepoint.dashboard.web.Redirect;
import dev.pausepoint.dashboard.web.SignedIn;
import dev.pausepoint.dashboard.webhooks.WebhooksApi.Attempt;
import dev.pausepoint.dashboard.webhooks.WebhooksApi.Webhook;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A world's webhook endpoints: the list with the form to add one, each endpoint's delivery log, a test
 * event, and deletion (asked on a page of its own first). The signing secret is made here, 32 random
 * bytes, and shown once after the endpoint is added: the API never shows it again.
 */
@RestController
public class WebhooksController {

    public record WebhooksPage(Frame frame, List<Webhook> webhooks, String url, List<String> events,
            Map<String, String> issues, String error) {

        public List<String> allEvents() {
            return WebhooksApi.EVENTS;
        }
    }

    public record CreatedPage(Frame frame, Webhook webhook, String secret) {
    }

    public record WebhookPage(Frame frame, Webhook webhook, List<Attempt> deliveries) {
    }

    public record ConfirmDeletePage(Frame frame, Webhook webhook) {
    }

    private static final String NEW_SECRET = "webhook-secret";

    private final WebhooksApi webhooks;
    private final Pages pages;
    private final OneTimeSecrets secrets;
    private final SecureRandom random = new SecureRandom();

    public WebhooksController(WebhooksApi webhooks, Pages pages, OneTimeSecrets secrets) {
        this.webhooks = webhooks;
        this.pages = pages;
        this.secrets = secrets;
    }

    @GetMapping("/dashboard/{world}/webhooks")
    ResponseEntity<String> list(SignedIn page, @RequestParam(required = false) String deleted) {
        Frame frame = page.frame("Webhooks", "webhooks");
        if (deleted != null) {
            frame = frame.withNotice("The endpoint was deleted. Deliveries still pending to it were given up.");
        }
        return pages.ok("dashboard/webhooks.jte", new WebhooksPage(frame, webhooks.list(page.caller()), "",
                WebhooksApi.EVENTS, Map.of(), null));
    }

    @PostMapping("/dashboard/{world}/webhooks")
    ResponseEntity<String> add(SignedIn page, HttpServletResponse response,
            @RequestParam(defaultValue = "") String url, @RequestParam(required = false) List<String> events) {
        List<String> chosen = events == null ? List.of()
                : WebhooksApi.EVENTS.stream().filter(events::contains).toList();
        String secret = "whsec_" + HexFormat.of().formatHex(randomBytes());
        try {
            Webhook created = webhooks.create(page.caller(), url, chosen, secret);
            secrets.keep(response, NEW_SECRET, List.of(created.webhookId(), secret));
            return Redirect.to(page.path("webhooks/added"));
        } catch (ApiFailure failure) {
            if (failure.status() != 422) {
                throw failure;
            }
            Map<String, String> issues = new LinkedHashMap<>();
            failure.issues().forEach(issue -> issues.putIfAbsent(issue.field(), issue.issue()));
            if (chosen.isEmpty()) {
                issues.put("events", "choose at least one event");
            }
            return pages.render(422, "dashboard/webhooks.jte", new WebhooksPage(page.frame("Webhooks", "webhooks"),
                    webhooks.list(page.caller()), url, chosen, issues, issues.isEmpty() ? failure.explained() : null));
        }
    }

    /** The endpoint just added and its signing secret, once; a reload adds nothing and shows no secret. */
    @GetMapping("/dashboard/{world}/webhooks/added")
    ResponseEntity<String> added(SignedIn page, HttpServletRequest request, HttpServletResponse response) {
        return secrets.take(request, response, NEW_SECRET)
                .flatMap(kept -> webhooks.find(page.caller(), kept.get(0)).map(webhook -> pages.ok(
                        "dashboard/webhook-created.jte", new CreatedPage(page.frame("Endpoint added", "webhooks"),
                                webhook, kept.get(1)))))
                .orElseGet(() -> pages.render(410, "dashboard/problem.jte", new Problem(page.frame("Secret shown",
                        "webhooks"), "This secret was shown once", "An endpoint's signing secret is shown only "
                        + "right after it is added. If you did not copy it, delete the endpoint and add it again.",
                        page.path("webhooks"))));
    }

    @GetMapping("/dashboard/{world}/webhooks/{webhookId}")
    ResponseEntity<String> endpoint(SignedIn page, @PathVariable String webhookId,
            @RequestParam(required = false) String tested) {
        Webhook webhook = webhooks.find(page.caller(), webhookId).orElseThrow(PageNotFound::new);
        Frame frame = page.frame("Webhook endpoint", "webhooks");
        if (tested != null) {
            frame = frame.withNotice("A webhook.test event is on its way. Its attempts appear below; reload to see "
                    + "them.");
        }
        return pages.ok("dashboard/webhook.jte", new WebhookPage(frame, webhook,
                webhooks.deliveries(page.caller(), webhook.webhookId())));
    }

    @PostMapping("/dashboard/{world}/webhooks/{webhookId}/test")
    ResponseEntity<String> sendTest(SignedIn page, @PathVariable String webhookId) {
        webhooks.sendTest(page.caller(), webhookId);
        return Redirect.to(page.path("webhooks", webhookId) + "?tested");
    }

    @GetMapping("/dashboard/{world}/webhooks/{webhookId}/delete")
    ResponseEntity<String> confirmDelete(SignedIn page, @PathVariable String webhookId) {
        Webhook webhook = webhooks.find(page.caller(), webhookId).orElseThrow(PageNotFound::new);
        return pages.ok("dashboard/webhook-delete.jte", new ConfirmDeletePage(page.frame("Delete endpoint",
                "webhooks"), webhook));
    }

    @PostMapping("/dashboard/{world}/webhooks/{webhookId}/delete")
    ResponseEntity<String> delete(SignedIn page, @PathVariable String webhookId) {
        webhooks.delete(page.caller(), webhookId);
        return Redirect.to(page.path("webhooks") + "?deleted");
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }
}
