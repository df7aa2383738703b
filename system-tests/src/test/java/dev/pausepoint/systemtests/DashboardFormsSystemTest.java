package dev.pausepoint.systemtests;

import static dev.pausepoint.systemtests.Developer.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.systemtests.Http.Reply;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's forms as an attacker sends them, without a browser: a state-changing request without its
 * CSRF token, with another page's token, or from another site is refused with 403 and changes nothing; and
 * the dashboard's sign-ins count in the gateway's strict per-address window of the person's address.
 */
@Order(6)
class DashboardFormsSystemTest {

    private static final String PASSWORD = "a long enough password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void aFormWithoutItsTokenOrFromAnotherSiteIsRefusedAndChangesNothing() {
        DashboardBrowserSystemTest.Account account = DashboardBrowserSystemTest.Account.register();
        Visitor visitor = new Visitor(account.address());
        String signedOutToken = visitor.token("/dashboard/signin");
        Reply forgedSignIn = visitor.post("/dashboard/signin", Map.of("email", account.email(), "password", PASSWORD));
        assertThat(forgedSignIn.status()).as("a sign-in without the token (login CSRF)").isEqualTo(403);
        assertThat(forgedSignIn.body()).contains("Nothing was changed");
        assertThat(visitor.cookies).doesNotContainKey("pp_session");

        Reply signedIn = visitor.post("/dashboard/signin", Map.of("_csrf", signedOutToken, "email", account.email(),
                "password", PASSWORD));
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(visitor.cookies).containsKey("pp_session");
        String token = visitor.token("/dashboard/test/keys");
        assertThat(token).as("signing in binds a new token").isNotEqualTo(signedOutToken);
        String prefix = testKeyPrefix(account);

        List<Reply> refused = new ArrayList<>();
        refused.add(visitor.post("/dashboard/test/keys/rotate", Map.of("type", "test")));
        refused.add(visitor.post("/dashboard/test/keys/rotate", Map.of("type", "test", "_csrf", signedOutToken)));
        refused.add(visitor.post("/dashboard/test/keys/rotate", Map.of("type", "test", "_csrf", token + "x")));
        refused.add(visitor.post("/dashboard/test/keys/rotate", Map.of("type", "test", "_csrf", token),
                "Sec-Fetch-Site", "cross-site"));
        refused.add(visitor.post("/dashboard/test/keys/rotate", Map.of("type", "test", "_csrf", token),
                "Sec-Fetch-Site", "same-site"));
        Visitor stranger = new Visitor(Http.randomClient());
        stranger.cookies.put("pp_session", visitor.cookies.get("pp_session"));
        refused.add(stranger.post("/dashboard/test/keys/rotate", Map.of("type", "test", "_csrf", token)));
        for (Reply reply : refused) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            assertThat(reply.header("Content-Security-Policy")).contains("default-src 'none'");
        }
        assertThat(testKeyPrefix(account)).as("no refused form rotated the key").isEqualTo(prefix);

        Reply rotated = visitor.post("/dashboard/test/keys/rotate", Map.of("type", "test", "_csrf", token),
                "Sec-Fetch-Site", "same-origin");
        assertThat(rotated.status()).as("the same form with its token works, so the refusals were the token's")
                .isEqualTo(303);
        assertThat(rotated.header("Location")).isEqualTo("/dashboard/test/keys/new");
        assertThat(testKeyPrefix(account)).isNotEqualTo(prefix);
        assertThat(visitor.send("GET", "/dashboard/test/keys/new", null).body()).contains("Your new test key");
    }

    @Test
    void dashboardSignInsCountInTheStrictWindowOfThePersonsAddress() {
        String address = Http.randomClient();
        Visitor visitor = new Visitor(address);
        int refusedAt = -1;
        for (int attempt = 1; attempt <= 25 && refusedAt < 0; attempt++) {
            // A new email each time: the per-email throttle must not be what refuses.
            Reply reply = visitor.post("/dashboard/signin", Map.of("_csrf", visitor.token("/dashboard/signin"),
                    "email", "nobody-" + UUID.randomUUID() + "@example.com", "password", PASSWORD));
            if (reply.status() == 429) {
                refusedAt = attempt;
                assertThat(reply.body()).contains("Try again in");
            } else {
                assertThat(reply.status()).as(reply.body()).isEqualTo(401);
                assertThat(reply.body()).contains("do not match an account");
            }
        }
        assertThat(refusedAt).as("the 21st sign-in from one address, as for direct logins").isEqualTo(21);
        Reply direct = Http.send("POST", "/v1/auth/login", BodyPublishers.ofString(
                "{\"email\":\"x@example.com\",\"password\":\"" + PASSWORD + "\"}"), "Content-Type", "application/json",
                "X-Forwarded-For", address);
        assertThat(direct.status()).as("the same window as the API's own login from that address").isEqualTo(429);
        Visitor elsewhere = new Visitor(Http.randomClient());
        Reply other = elsewhere.post("/dashboard/signin", Map.of("_csrf", elsewhere.token("/dashboard/signin"),
                "email", "nobody-" + UUID.randomUUID() + "@example.com", "password", PASSWORD));
        assertThat(other.status()).as("another person is not throttled").isEqualTo(401);
    }

    private static String testKeyPrefix(DashboardBrowserSystemTest.Account account) {
        return as(account.live(), "GET", "/v1/auth/me", null).json().get("test_api_key_prefix").asString();
    }

    /** A client of the dashboard with its own cookies and address, sending forms the way a page would. */
    static final class Visitor {
        final Map<String, String> cookies = new LinkedHashMap<>();
        private final String address;

        Visitor(String address) {
            this.address = address;
        }

        /** The CSRF token of the form on the page at {@code path}. */
        String token(String path) {
            Reply page = send("GET", path, null);
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("a form on " + path + ": " + page.body()).isTrue();
            return token.group(1);
        }

        Reply post(String path, Map<String, String> form, String... headers) {
            StringBuilder body = new StringBuilder();
            form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send("POST", path, body.toString(), headers);
        }

        Reply send(String method, String path, String form, String... headers) {
            List<String> all = new ArrayList<>(List.of("X-Forwarded-For", address));
            if (!cookies.isEmpty()) {
                all.addAll(List.of("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList())));
            }
            if (form != null) {
                all.addAll(List.of("Content-Type", "application/x-www-form-urlencoded"));
            }
            all.addAll(List.of(headers));
            Reply reply = Http.send(method, path, form == null ? BodyPublishers.noBody() : BodyPublishers.ofString(form),
                    all.toArray(String[]::new));
            for (String setCookie : reply.raw().headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return reply;
        }
    }
}
