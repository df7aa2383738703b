package dev.pausepoint.dashboard.web;

import dev.pausepoint.dashboard.api.ApiFailure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every page that goes wrong ends here as a page a person can act on, never a framework error page: a
 * missing or ended session goes to sign-in; the API's refusals are explained with its own message (a 429
 * says when to try again); an address that names nothing is a 404 page; a bug is a 500 page that says
 * nothing of internals.
 */
@RestControllerAdvice
public class DashboardErrors {

    private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);

    private final Pages pages;
    private final BrowserCookies cookies;

    public DashboardErrors(Pages pages, BrowserCookies cookies) {
        this.pages = pages;
        this.cookies = cookies;
    }

    @ExceptionHandler(SignInRequired.class)
    ResponseEntity<String> signIn() {
        return Redirect.to("/dashboard/signin");
    }

    @ExceptionHandler(ApiFailure.class)
    ResponseEntity<String> apiFailure(ApiFailure failure, HttpServletRequest request, HttpServletResponse response) {
        if (failure.status() == 401) {
            // The API no longer knows the session (it expired, or a password reset ended it).
            cookies.signOut(response);
            return Redirect.to("/dashboard/signin?ended");
        }
        if (failure.status() == 404) {
            return notFound(request);
        }
        return problem(request, failure.status(),
                failure.status() == 429 ? "Too many requests" : "That did not work", failure.explained());
    }

    @ExceptionHandler({PageNotFound.class, NoResourceFoundException.class, NoHandlerFoundException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<String> notFound(HttpServletRequest request) {
        return problem(request, 404, "Page not found", "There is nothing at this address, or it is not yours to see.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<String> wrongMethod(HttpServletRequest request) {
        return problem(request, 405, "Not allowed", "This page cannot be used that way.");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<String> missingField(HttpServletRequest request) {
        return problem(request, 400, "Something is missing", "The form was not complete. Go back and try again.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> bug(Exception e, HttpServletRequest request) {
        log.error("dashboard page {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return problem(request, 500, "Something went wrong", "The page could not be shown. Please try again.");
    }

    private ResponseEntity<String> problem(HttpServletRequest request, int status, String heading, String text) {
        Browser browser = (Browser) request.getAttribute(Browser.ATTRIBUTE);
        if (browser == null) {
            return ResponseEntity.status(status).body(heading);
        }
        return pages.render(status, "dashboard/problem.jte",
                new Problem(Frame.signedOut(heading, browser), heading, text, "/dashboard"));
    }
}
