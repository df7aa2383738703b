package dev.pausepoint.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.dashboard.web.Assets;
import dev.pausepoint.dashboard.web.SessionCookie;
import dev.pausepoint.dashboard.web.SessionCookie.Session;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.identity.TrustHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard's pages against a WireMock standing in for the gateway's public API: what each page asks
 * the API (the session as bearer, the world in {@code PausePoint-Mode}, the browser's address signed), how
 * it shows what the API answers and refuses, and the headers every page carries. The whole flow through
 * the real gateway and services is {@code system-tests}' DashboardBrowserSystemTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardPagesTest {

    static final String SECRET = "dashboard-pages-test-secret-0123456789abcdef";
    static final String TOKEN = "pps_" + "d".repeat(48);
    static final WireMockServer API = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final RequestSigner SIGNER = new RequestSigner(SECRET);
    static final String BROWSER = "198.51.100.77";

    static {
        API.start();
    }

    /** The API address the snippets show. */
    private static final String PUBLIC_BASE = "https://pausepoint.example.com";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pausepoint.internal-secret", () -> SECRET);
        registry.add("pausepoint.dashboard.api-url", API::baseUrl);
        registry.add("pausepoint.dashboard.secure-cookies", () -> "true");
        registry.add("management.server.port", () -> "0");
        registry.add("pausepoint.dashboard.public-base-url", () -> PUBLIC_BASE);
    }

    @AfterAll
    static void stop() {
        API.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    SessionCookie sessions;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void reset() {
        API.resetAll();
        API.stubFor(get("/v1/auth/me").willReturn(okJson("""
                {"developer_id": "dev_1", "email": "ada@example.com", "name": "Ada", "plan": "free",
                 "api_key_prefix": "pp_live_1234", "test_api_key_prefix": "pp_test_5678",
                 "api_key_created_at": "2026-11-30T10:00:00Z", "test_api_key_created_at": "2026-11-30T10:00:00Z",
                 "usage": {"period_start": "2026-12-01T00:00:00Z", "period_end": "2027-01-01T00:00:00Z",
                           "pauses_used": 12, "pauses_limit": 50},
                 "created_at": "2026-11-30T10:00:00Z"}""")));
        API.stubFor(get(urlPathEqualTo("/v1/billing/plans")).willReturn(okJson("""
                {"items": [{"plan": "free", "pauses_per_month": 50, "channels": ["sms"], "max_timeout_hours": 24, "sold": false},
                           {"plan": "starter", "pauses_per_month": 500, "channels": ["sms", "email"], "max_timeout_hours": 168, "sold": false}]}""")));
    }

    private HttpResponse<String> page(String path, boolean signedIn) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        SIGNER.signIdentity(CallerIdentity.anonymous(BROWSER), "GET", URI.create(path).getRawPath())
                .forEach(request::header);
        if (signedIn) {
            request.header("Cookie", SessionCookie.NAME + "=" + sessions.seal(new Session(TOKEN,
                    Instant.now().plusSeconds(3600))));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestThatDidNotComeThroughTheGatewayIsRefused() throws Exception {
        HttpResponse<String> direct = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/dashboard/signin")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(401);
        assertThat(API.getAllServeEvents()).isEmpty();
    }

    @Test
    void anotherSpellingOfADashboardPathMeetsTheSameCheck() throws Exception {
        HttpResponse<String> direct = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/dashboard;p=1/signin")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(401);
        assertThat(API.getAllServeEvents()).isEmpty();
    }

    @Test
    void everyPageIsNeverCachedCannotBeFramedAndRunsOnlyOurOwnScriptAndStyle() throws Exception {
        HttpResponse<String> signIn = page("/dashboard/signin", false);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; "
                + "script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; "
                + "base-uri 'none'; frame-ancestors 'none'");
        assertThat(signIn.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(signIn.headers().firstValue("X-Frame-Options")).contains("DENY");
        List<String> cookies = signIn.headers().allValues("Set-Cookie");
        assertThat(cookies).singleElement().satisfies(cookie -> assertThat(cookie).startsWith("pp_csrf=")
                .contains("Path=/dashboard").contains("HttpOnly").contains("Secure").contains("SameSite=Lax"));
        Document html = Jsoup.parse(signIn.body());
        assertThat(html.select("script[src]").eachAttr("src")).singleElement().asString()
                .matches("/dashboard/assets/dashboard\\.js\\?v=[0-9a-f]{12}");
        assertThat(html.select("script:not([src])")).as("no inline script").isEmpty();
        assertThat(html.select("[style]")).as("no inline style").isEmpty();
        assertThat(html.select("input[name=_csrf]").attr("value")).isNotBlank();
    }

    @Test
    void theStylesheetAndScriptAreNamedByTheirContentAndKeptAYear() throws Exception {
        for (String asset : List.of(Assets.stylesheet(), Assets.script())) {
            HttpResponse<String> served = page(asset, false);
            assertThat(served.statusCode()).as(asset).isEqualTo(200);
            assertThat(served.headers().firstValue("Cache-Control")).as(asset).hasValueSatisfying(value ->
                    assertThat(value).contains("max-age=31536000").contains("public"));
            assertThat(served.headers().allValues("Set-Cookie")).as("a cached asset carries no cookie").isEmpty();
        }
    }

    @Test
    void aPauseWhoseDeliveriesCannotBeReadStillShowsWithItsCancel() throws Exception {
        API.stubFor(get("/v1/pause/psr_2").willReturn(okJson("""
                {"pause_id": "psr_2", "status": "pending", "livemode": true, "channel": "sms",
                 "recipient": "+14155550123", "message": "Ship?", "options": ["Yes", "No"],
                 "allow_text_response": false, "timeout_default": null, "metadata": null,
                 "created_at": "2026-12-01T01:00:00Z", "expires_at": "2026-12-02T01:00:00Z",
                 "response_choice": null, "response_text": null, "response_at": null, "cancelled_at": null,
                 "delivery": {"status": "sent", "attempts": 1, "last_error": null, "updated_at": null,
                              "sandbox_message": null},
                 "respond_url": null}""")));
        API.stubFor(get(urlPathEqualTo("/v1/deliveries")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": "SERVICE_UNAVAILABLE", "message": "delivery-service is unavailable.", "status_code": 503}""")));
        API.stubFor(get(urlPathEqualTo("/v1/audit")).willReturn(okJson(
                "{\"items\": [], \"limit\": 100, \"offset\": 0, \"has_more\": false}")));
        HttpResponse<String> pause = page("/dashboard/live/pauses/psr_2", true);
        assertThat(pause.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(pause.body());
        assertThat(html.select(".notice").text()).contains("could not be read");
        assertThat(html.select("button").eachText()).contains("Cancel this pause");
        assertThat(html.select("#timeline").text()).contains("Created");
    }

    @Test
    void aPageWithoutASessionSendsTheBrowserToSignIn() throws Exception {
        HttpResponse<String> overview = page("/dashboard/live", false);
        assertThat(overview.statusCode()).isEqualTo(303);
        assertThat(overview.headers().firstValue("Location")).contains("/dashboard/signin");
        assertThat(API.getAllServeEvents()).isEmpty();
    }

    @Test
    void aSignedInPageCallsTheApiWithTheSessionTheWorldAndTheBrowsersSignedAddress() throws Exception {
        API.stubFor(get(urlPathEqualTo("/v1/stats/pauses")).willReturn(okJson("""
                {"from_date": "2026-11-02", "to_date": "2026-12-01", "days": [
                 {"date": "2026-11-30", "created": 3, "pending": 1, "responded": 1, "timed_out": 1, "cancelled": 0},
                 {"date": "2026-12-01", "created": 0, "pending": 0, "responded": 0, "timed_out": 0, "cancelled": 0}]}""")));
        HttpResponse<String> overview = page("/dashboard/test", true);
        assertThat(overview.statusCode()).isEqualTo(200);
        LoggedRequest me = API.findAll(getRequestedFor(urlEqualTo("/v1/auth/me"))).get(0);
        assertThat(me.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(me.getHeader("PausePoint-Mode")).isEqualTo("test");
        assertThat(SIGNER.verifyRelayedClient(me::getHeader, "GET", "/v1/auth/me")).isEqualTo(BROWSER);
        assertThat(me.getHeader(TrustHeaders.RELAYED_FOR)).isEqualTo(BROWSER);
        Document html = Jsoup.parse(overview.body());
        assertThat(html.select("#usage").attr("value")).isEqualTo("24");
        assertThat(html.select("svg rect")).as("three outcomes on one day").hasSize(3);
        assertThat(html.select(".steps").text()).contains("pp_test_5678")
                .contains("new PausePoint({ baseUrl: \"" + PUBLIC_BASE + "\"").contains("client.waitForDecision(pauseId")
                .contains(PUBLIC_BASE + "/mcp").contains("Authorization: Bearer pp_test_5678...");
        assertThat(html.select("#world").text()).contains("Test data").contains("View live data");
        assertThat(html.select("#world a").attr("href")).isEqualTo("/dashboard/live");
    }

    @Test
    void whatTheApiReturnsIsEscapedWhereverItLands() throws Exception {
        API.stubFor(get("/v1/pause/psr_1").willReturn(okJson("""
                {"pause_id": "psr_1", "status": "pending", "livemode": false, "channel": "sms",
                 "recipient": "+14155550123", "message": "<script>alert(1)</script>",
                 "options": ["<img src=x onerror=alert(2)>", "\\" onmouseover=\\"alert(3)"],
                 "allow_text_response": false, "timeout_default": null, "metadata": {"k": "</pre><script>"},
                 "created_at": "2026-12-01T01:00:00Z", "expires_at": "2026-12-02T01:00:00Z",
                 "response_choice": null, "response_text": null, "response_at": null, "cancelled_at": null,
                 "delivery": {"status": "sandbox", "attempts": 0, "last_error": null, "updated_at": null,
                              "sandbox_message": "<b>hi</b>"},
                 "respond_url": "javascript:alert(4)"}""")));
        API.stubFor(get(urlPathEqualTo("/v1/deliveries")).willReturn(okJson(
                "{\"pause_id\": \"psr_1\", \"notifications\": [], \"webhook_deliveries\": []}")));
        API.stubFor(get(urlPathEqualTo("/v1/audit")).willReturn(okJson(
                "{\"items\": [], \"limit\": 100, \"offset\": 0, \"has_more\": false}")));
        HttpResponse<String> pause = page("/dashboard/test/pauses/psr_1", true);
        assertThat(pause.statusCode()).isEqualTo(200);
        assertThat(pause.body()).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .doesNotContain("<b>hi</b>").doesNotContain("</pre><script>").doesNotContain("javascript:alert");
        Document html = Jsoup.parse(pause.body());
        assertThat(html.select(".message").text()).isEqualTo("<script>alert(1)</script>");
        assertThat(html.select(".options li").eachText()).containsExactly("<img src=x onerror=alert(2)>",
                "\" onmouseover=\"alert(3)");
        assertThat(html.select("script")).as("only our own").hasSize(1);
        assertThat(html.select("img, b, [onmouseover], [onerror]")).isEmpty();
        assertThat(html.select("#open-respond-page")).as("a javascript: link is left out").allSatisfy(link ->
                assertThat(link.attr("href")).doesNotStartWith("javascript"));
    }

    @Test
    void anInstanceWithoutBillingSaysSoAndOffersNoUpgrade() throws Exception {
        API.stubFor(get("/v1/billing/subscription").willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": "BILLING_NOT_CONFIGURED", "message": "Billing is not configured.", "status_code": 503}""")));
        HttpResponse<String> billing = page("/dashboard/live/billing", true);
        assertThat(billing.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(billing.body());
        assertThat(html.select("#billing-not-configured").text()).contains("no billing configured");
        assertThat(html.select("button")).extracting(element -> element.text()).containsExactly("Sign out");
        assertThat(html.select("#plans").text()).contains("starter");
    }

    @Test
    void theApisRefusalsBecomePagesAPersonCanActOn() throws Exception {
        API.stubFor(get(urlPathEqualTo("/v1/webhooks")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "7").withBody("""
                        {"error": "RATE_LIMITED", "message": "Too many requests for this session.", "status_code": 429}""")));
        HttpResponse<String> limited = page("/dashboard/live/webhooks", true);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(limited.body()).select("main").text()).contains("Too many requests for this session.")
                .contains("Try again in 7 s.");

        API.stubFor(get("/v1/auth/me").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": "INVALID_API_KEY", "message": "Unknown.", "status_code": 401}""")));
        HttpResponse<String> ended = page("/dashboard/live/keys", true);
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ended.headers().firstValue("Location")).contains("/dashboard/signin?ended");
        assertThat(ended.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith(SessionCookie.NAME + "=;").contains("Max-Age=0"));

        API.stubFor(get(anyUrl()).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        HttpResponse<String> down = page("/dashboard/live/keys", true);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(Jsoup.parse(down.body()).select("main").text()).contains("could not be reached");
    }

    @Test
    void anAddressThatNamesNothingIsAPageNotFound() throws Exception {
        for (String path : List.of("/dashboard/sandbox", "/dashboard/sandbox/pauses", "/dashboard/live/nothing",
                "/dashboard/live/keys/rotate?type=root")) {
            HttpResponse<String> missing = page(path, true);
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(Jsoup.parse(missing.body()).select("h1").text()).as(path).isEqualTo("Page not found");
        }
    }
}
