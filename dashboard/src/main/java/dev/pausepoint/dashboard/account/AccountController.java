package dev.pausepoint.dashboard.account;

import dev.pausepoint.dashboard.account.AccountApi.LoggedIn;
import dev.pausepoint.dashboard.account.AccountApi.Registered;
import dev.pausepoint.dashboard.api.ApiFailure;
import dev.pausepoint.dashboard.api.Caller;
import dev.pausepoint.dashboard.web.Browser;
import dev.pausepoint.dashboard.web.BrowserCookies;
import dev.pausepoint.dashboard.web.Frame;
import dev.pausepoint.dashboard.web.OneTimeSecrets;
import dev.pausepoint.dashboard.web.Pages;
import dev.pausepoint.dashboard.web.Problem;
import dev.pausepoint.dashboard.web.Redirect;
import dev.pausepoint.dashboard.web.SessionCookie.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing up, in and out, and the forgotten password. Each form posts to the dashboard, which makes the
 * same API call a client would (register, login, logout, password reset) for the browser's address, so
 * these count in the gateway's strict per-address window exactly as direct calls do.
 */
@RestController
public class AccountController {

    /** What the sign-in page shows. */
    public record SignInPage(Frame frame, String email, String error) {
    }

    /** What the sign-up page shows: what was typed, and the API's issue with each field. */
    public record SignUpPage(Frame frame, String email, String name, Map<String, String> issues, String error) {
    }

    /** The page after sign-up: both keys, shown this once. */
    public record WelcomePage(Frame frame, String liveKey, String testKey) {
    }

    public record ForgotPage(Frame frame, String email, boolean sent, String error) {
    }

    private static final String NEW_KEYS = "api-keys";

    private final AccountApi accounts;
    private final Pages pages;
    private final BrowserCookies cookies;
    private final OneTimeSecrets secrets;

    public AccountController(AccountApi accounts, Pages pages, BrowserCookies cookies, OneTimeSecrets secrets) {
        this.accounts = accounts;
        this.pages = pages;
        this.cookies = cookies;
        this.secrets = secrets;
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    ResponseEntity<String> home(Browser browser) {
        return Redirect.to(browser.session().isPresent() ? "/dashboard/live" : "/dashboard/signin");
    }

    @GetMapping("/dashboard/signin")
    ResponseEntity<String> signInForm(Browser browser, @RequestParam(required = false) String ended,
            @RequestParam(required = false) String signedout) {
        if (browser.session().isPresent()) {
            return Redirect.to("/dashboard/live");
        }
        Frame frame = Frame.signedOut("Sign in", browser);
        if (ended != null) {
            frame = frame.withNotice("Your session has ended. Sign in again.");
        } else if (signedout != null) {
            frame = frame.withNotice("You are signed out.");
        }
        return pages.ok("dashboard/signin.jte", new SignInPage(frame, "", null));
    }

    @PostMapping("/dashboard/signin")
    ResponseEntity<String> signIn(Browser browser, HttpServletResponse response,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password) {
        try {
            LoggedIn session = accounts.login(Caller.anonymous(browser.clientIp()), email, password);
            cookies.signIn(response, new Session(session.sessionToken(), session.expiresAt()));
            return Redirect.to("/dashboard/live");
        } catch (ApiFailure failure) {
            String error = failure.is("INVALID_CREDENTIALS") ? "That email and password do not match an account."
                    : failure.explained();
            return pages.render(failure.status(), "dashboard/signin.jte",
                    new SignInPage(Frame.signedOut("Sign in", browser), email, error));
        }
    }

    @GetMapping("/dashboard/signup")
    ResponseEntity<String> signUpForm(Browser browser) {
        return pages.ok("dashboard/signup.jte", new SignUpPage(Frame.signedOut("Create an account", browser), "", "",
                Map.of(), null));
    }

    @PostMapping("/dashboard/signup")
    ResponseEntity<String> signUp(Browser browser, HttpServletResponse response,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String password) {
        Caller caller = Caller.anonymous(browser.clientIp());
        Registered registered;
        try {
            registered = accounts.register(caller, email, name, password);
        } catch (ApiFailure failure) {
            Map<String, String> issues = new LinkedHashMap<>();
            failure.issues().forEach(issue -> issues.putIfAbsent(issue.field(), issue.issue()));
            if (failure.is("EMAIL_TAKEN")) {
                issues.put("email", "already has an account: sign in instead");
            }
            String error = issues.isEmpty() ? failure.explained() : null;
            return pages.render(failure.status(), "dashboard/signup.jte", new SignUpPage(
                    Frame.signedOut("Create an account", browser), email, name, issues, error));
        }
        // The account exists; signing in is a second call, which may meet the per-address window. The keys
        // are shown either way: this is the only time they can be.
        String notice = "";
        try {
            LoggedIn session = accounts.login(caller, email, password);
            cookies.signIn(response, new Session(session.sessionToken(), session.expiresAt()));
        } catch (ApiFailure failure) {
            notice = "Your account was created, but signing in failed (" + failure.explained()
                    + "). Copy your keys, then sign in.";
        }
        secrets.keep(response, NEW_KEYS, List.of(registered.apiKey(), registered.testApiKey(), notice));
        return Redirect.to("/dashboard/welcome");
    }

    /** Both keys of the new account, once; a reload says they were shown. */
    @GetMapping("/dashboard/welcome")
    ResponseEntity<String> welcome(Browser browser, HttpServletRequest request, HttpServletResponse response) {
        return secrets.take(request, response, NEW_KEYS).map(keys -> {
            Frame frame = Frame.signedOut("Your API keys", browser);
            if (!keys.get(2).isEmpty()) {
                frame = frame.withNotice(keys.get(2));
            }
            return pages.ok("dashboard/welcome.jte", new WelcomePage(frame, keys.get(0), keys.get(1)));
        }).orElseGet(() -> pages.render(410, "dashboard/problem.jte", new Problem(Frame.signedOut("Keys shown",
                browser), "Your keys were shown once", "The keys of a new account are shown only right after "
                + "sign-up. If you did not copy them, sign in and rotate them on the API keys page.", "/dashboard")));
    }

    @PostMapping("/dashboard/signout")
    ResponseEntity<String> signOut(Browser browser, HttpServletResponse response) {
        browser.session().ifPresent(session -> {
            try {
                accounts.logout(Caller.account(browser.clientIp(), session.token()));
            } catch (ApiFailure ignored) {
                // Already ended, or the API is down: the browser forgets the session either way, and the
                // session itself ends at its expiry.
            }
        });
        cookies.signOut(response);
        return Redirect.to("/dashboard/signin?signedout");
    }

    @GetMapping("/dashboard/forgot")
    ResponseEntity<String> forgotForm(Browser browser) {
        return pages.ok("dashboard/forgot.jte", new ForgotPage(Frame.signedOut("Reset your password", browser), "",
                false, null));
    }

    @PostMapping("/dashboard/forgot")
    ResponseEntity<String> forgot(Browser browser, @RequestParam(defaultValue = "") String email) {
        Frame frame = Frame.signedOut("Reset your password", browser);
        try {
            accounts.requestPasswordReset(Caller.anonymous(browser.clientIp()), email);
            return pages.render(202, "dashboard/forgot.jte", new ForgotPage(frame, email, true, null));
        } catch (ApiFailure failure) {
            String error = failure.issueWith("email") != null ? "Email " + failure.issueWith("email") + "."
                    : failure.explained();
            return pages.render(failure.status(), "dashboard/forgot.jte", new ForgotPage(frame, email, false, error));
        }
    }
}
