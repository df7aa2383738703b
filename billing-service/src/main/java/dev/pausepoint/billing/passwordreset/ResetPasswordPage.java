package dev.pausepoint.billing.passwordreset;

import dev.pausepoint.billing.account.Password;
import dev.pausepoint.errors.ApiException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The small hosted page behind the reset link: a plain form (no JavaScript, no third-party assets),
 * posted back here. Opening the link changes nothing; only the form post uses the token.
 */
@RestController
public class ResetPasswordPage {

    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private final PasswordResetService resets;

    public ResetPasswordPage(PasswordResetService resets) {
        this.resets = resets;
    }

    @GetMapping("/reset-password")
    public ResponseEntity<String> form(@RequestParam(defaultValue = "") String token) {
        return page(200, "Choose a new password", form(token, null));
    }

    @PostMapping(path = "/reset-password", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> submit(@RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password) {
        int length = password.codePointCount(0, password.length());
        if (length < Password.MIN_CHARACTERS || password.getBytes(StandardCharsets.UTF_8).length > Password.MAX_BYTES) {
            return page(422, "Choose a new password", form(token, "Use 10 to 72 characters."));
        }
        try {
            resets.confirm(token, password);
        } catch (ApiException e) {
            return page(e.code().status(), "This link cannot be used", "<p>" + HtmlUtils.htmlEscape(e.getMessage())
                    + "</p>");
        }
        return page(200, "Password changed", "<p>Your password is changed and every session has ended. "
                + "Log in with the new password.</p>");
    }

    private static String form(String token, String problem) {
        return (problem == null ? "" : "<p class=\"problem\">" + HtmlUtils.htmlEscape(problem) + "</p>")
                + "<form method=\"post\" action=\"/reset-password\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + HtmlUtils.htmlEscape(token) + "\">"
                + "<label for=\"password\">New password (10 to 72 characters)</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" minlength=\"10\" required "
                + "autocomplete=\"new-password\">"
                + "<button type=\"submit\">Set password</button></form>";
    }

    private static ResponseEntity<String> page(int status, String title, String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + " - PausePoint</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
                + "label,input,button{display:block;width:100%;box-sizing:border-box;font-size:1.1rem}"
                + "input{padding:.7rem;margin:.4rem 0 1rem}button{padding:.9rem;border:0;border-radius:.5rem;"
                + "background:#1f4fd1;color:#fff}.problem{color:#a40000}</style></head><body>"
                + "<h1>" + HtmlUtils.htmlEscape(title) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .body(html);
    }
}
