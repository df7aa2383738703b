package dev.pausepoint.billing.passwordreset;

import dev.pausepoint.billing.account.Password;
import dev.pausepoint.errors.ApiException;
import dev.pausepoint.kit.page.HostedPage;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The small hosted page behind the reset link: a plain form (no JavaScript, no third-party assets),
 * posted back here. Opening the link changes nothing; only the form post uses the token.
 */
@RestController
public class ResetPasswordPage {

    private final PasswordResetService resets;

    public ResetPasswordPage(PasswordResetService resets) {
        this.resets = resets;
    }

    @GetMapping("/reset-password")
    public ResponseEntity<String> form(@RequestParam(defaultValue = "") String token) {
        return HostedPage.render(200, "Choose a new password", form(token, null));
    }

    @PostMapping(path = "/reset-password", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> submit(@RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password) {
        int length = password.codePointCount(0, password.length());
        if (length < Password.MIN_CHARACTERS || password.getBytes(StandardCharsets.UTF_8).length > Password.MAX_BYTES) {
            return HostedPage.render(422, "Choose a new password", form(token, "Use 10 to 72 characters."));
        }
        try {
            resets.confirm(token, password);
        } catch (ApiException e) {
            return HostedPage.render(e.code().status(), "This link cannot be used",
                    "<p>" + HostedPage.escape(e.getMessage()) + "</p>");
        }
        return HostedPage.render(200, "Password changed", "<p>Your password is changed and every session has ended. "
                + "Log in with the new password.</p>");
    }

    private static String form(String token, String problem) {
        return (problem == null ? "" : "<p class=\"problem\">" + HostedPage.escape(problem) + "</p>")
                + "<form method=\"post\" action=\"/reset-password\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + HostedPage.escape(token) + "\">"
                + "<label for=\"password\">New password (10 to 72 characters)</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" minlength=\"10\" required "
                + "autocomplete=\"new-password\">"
                + "<button type=\"submit\">Set password</button></form>";
    }
}
