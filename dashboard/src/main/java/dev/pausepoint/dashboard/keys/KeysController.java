package dev.pausepoint.dashboard.keys;

import dev.pausepoint.dashboard.account.AccountApi;
import dev.pausepoint.dashboard.account.AccountApi.Me;
import dev.pausepoint.dashboard.account.AccountApi.Rotated;
import dev.pausepoint.dashboard.web.Frame;
import dev.pausepoint.dashboard.web.PageNotFound;
import dev.pausepoint.dashboard.web.OneTimeSecrets;
import dev.pausepoint.dashboard.web.Pages;
import dev.pausepoint.dashboard.web.Problem;
import dev.pausepoint.dashboard.web.Redirect;
import dev.pausepoint.dashboard.web.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account's two keys: their prefixes and when they were made, and rotation. Rotating asks first on a
 * page of its own that says what stops working (a page, not a script dialog, so it works without
 * JavaScript and with a keyboard), then shows the new key once.
 */
@RestController
public class KeysController {

    /** One key as the page lists it. */
    public record Key(String type, String prefix, Instant createdAt) {
    }

    public record KeysPage(Frame frame, Key live, Key test) {
    }

    public record ConfirmRotationPage(Frame frame, Key key) {
    }

    /** The new key, shown once. */
    public record RotatedPage(Frame frame, String keyType, String apiKey) {
    }

    private static final String NEW_KEY = "new-key";

    private final AccountApi accounts;
    private final Pages pages;
    private final OneTimeSecrets secrets;

    public KeysController(AccountApi accounts, Pages pages, OneTimeSecrets secrets) {
        this.accounts = accounts;
        this.pages = pages;
        this.secrets = secrets;
    }

    @GetMapping("/dashboard/{world}/keys")
    ResponseEntity<String> keys(SignedIn page) {
        Me me = accounts.me(page.caller());
        return pages.ok("dashboard/keys.jte", new KeysPage(page.frame("API keys", "keys"), live(me), test(me)));
    }

    @GetMapping("/dashboard/{world}/keys/rotate")
    ResponseEntity<String> confirm(SignedIn page, @RequestParam(defaultValue = "") String type) {
        Me me = accounts.me(page.caller());
        Key key = switch (type) {
            case "live" -> live(me);
            case "test" -> test(me);
            default -> throw new PageNotFound();
        };
        return pages.ok("dashboard/rotate.jte", new ConfirmRotationPage(page.frame("Rotate the " + type + " key",
                "keys"), key));
    }

    @PostMapping("/dashboard/{world}/keys/rotate")
    ResponseEntity<String> rotate(SignedIn page, HttpServletResponse response,
            @RequestParam(defaultValue = "") String type) {
        if (!type.equals("live") && !type.equals("test")) {
            throw new PageNotFound();
        }
        Rotated rotated = accounts.rotate(page.caller(), type);
        secrets.keep(response, NEW_KEY, List.of(rotated.keyType(), rotated.apiKey()));
        return Redirect.to(page.path("keys/new"));
    }

    /** The key the rotation just made, once; a reload says it was shown and rotates nothing. */
    @GetMapping("/dashboard/{world}/keys/new")
    ResponseEntity<String> rotated(SignedIn page, HttpServletRequest request, HttpServletResponse response) {
        return secrets.take(request, response, NEW_KEY)
                .map(key -> pages.ok("dashboard/rotated.jte", new RotatedPage(page.frame("Your new " + key.get(0)
                        + " key", "keys"), key.get(0), key.get(1))))
                .orElseGet(() -> pages.render(410, "dashboard/problem.jte", new Problem(page.frame("Key shown",
                        "keys"), "This key was shown once", "A new key is shown only right after the rotation. If "
                        + "you did not copy it, rotate the key again.", page.path("keys"))));
    }

    private static Key live(Me me) {
        return new Key("live", me.apiKeyPrefix(), me.apiKeyCreatedAt());
    }

    private static Key test(Me me) {
        return new Key("test", me.testApiKeyPrefix(), me.testApiKeyCreatedAt());
    }
}
