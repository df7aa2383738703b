package dev.pausepoint.dashboard.keys;

import dev.pausepoint.dashboard.account.AccountApi;
import dev.pausepoint.dashboard.account.AccountApi.Me;
import dev.pausepoint.dashboard.account.AccountApi.Rotated;
import dev.pausepoint.dashboard.web.Frame;
import dev.pausepoint.dashboard.web.PageNotFound;
import dev.pausepoint.dashboard.web.Pages;
import dev.pausepoint.dashboard.web.SignedIn;
import java.time.Instant;
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

    public record RotatedPage(Frame frame, Rotated rotated) {
    }

    private final AccountApi accounts;
    private final Pages pages;

    public KeysController(AccountApi accounts, Pages pages) {
        this.accounts = accounts;
        this.pages = pages;
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
    ResponseEntity<String> rotate(SignedIn page, @RequestParam(defaultValue = "") String type) {
        if (!type.equals("live") && !type.equals("test")) {
            throw new PageNotFound();
        }
        Rotated rotated = accounts.rotate(page.caller(), type);
        return pages.ok("dashboard/rotated.jte", new RotatedPage(page.frame("Your new " + type + " key", "keys"),
                rotated));
    }

    private static Key live(Me me) {
        return new Key("live", me.apiKeyPrefix(), me.apiKeyCreatedAt());
    }

    private static Key test(Me me) {
        return new Key("test", me.testApiKeyPrefix(), me.testApiKeyCreatedAt());
    }
}
