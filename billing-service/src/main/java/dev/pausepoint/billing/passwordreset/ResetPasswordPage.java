package dev.pausepoint.billing.passwordreset;

import dev.pausepoint.billing.account.Password;
import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
import dev.pausepoint.page.HostedPages;
import io.swagger.v3.oas.annotations.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The small hosted page behind the reset link: a plain form (no JavaScript, no third-party assets),
 * posted back here. Opening the link changes nothing; only the form post uses the token. The markup is
 * in {@code src/main/jte/passwordreset}, inside the shell of {@link HostedPages}.
 */
@RestController
public class ResetPasswordPage {

    private static final String TITLE = "Choose a new password";

    private final PasswordResetService resets;
    private final HostedPages pages;

    public ResetPasswordPage(PasswordResetService resets, HostedPages pages) {
        this.resets = resets;
        this.pages = pages;
    }

    /** The form; {@code problem} is why it is shown again, or null. */
    public record Form(String token, String problem) {
    }

    @GetMapping("/reset-password")
    @ApiOperation(id = "openResetPasswordPage", tag = "Hosted pages", summary = "The password reset page (HTML)",
            access = Access.NONE, page = true, responseMediaTypes = "text/html")
    public ResponseEntity<String> form(@RequestParam(defaultValue = "") String token) {
        return pages.render(200, TITLE, "passwordreset/form.jte", new Form(token, null));
    }

    @PostMapping(path = "/reset-password", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @ApiOperation(id = "submitResetPasswordPage", tag = "Hosted pages", summary = "The reset page's form",
            access = Access.NONE, page = true, responseMediaTypes = "text/html", body = Map.class,
            bodyMediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE, description = "Form fields token and password.")
    public ResponseEntity<String> submit(@Parameter(hidden = true) @RequestParam(defaultValue = "") String token,
            @Parameter(hidden = true) @RequestParam(defaultValue = "") String password) {
        int length = password.codePointCount(0, password.length());
        if (length < Password.MIN_CHARACTERS || password.getBytes(StandardCharsets.UTF_8).length > Password.MAX_BYTES) {
            return pages.render(422, TITLE, "passwordreset/form.jte", new Form(token, "Use 10 to 72 characters."));
        }
        try {
            resets.confirm(token, password);
        } catch (ApiException e) {
            return pages.notice(e.code().status(), "This link cannot be used", e.getMessage());
        }
        return pages.render(200, "Password changed", "passwordreset/changed.jte", null);
    }
}
