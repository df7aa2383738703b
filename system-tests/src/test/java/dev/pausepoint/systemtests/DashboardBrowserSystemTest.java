package dev.pausepoint.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.pausepoint.systemtests.Developer.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.identity.Hmac;
import dev.pausepoint.systemtests.Http.Reply;
import dev.pausepoint.testsupport.PaddleNotifications;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The developer dashboard in real headless Chromium, through the real gateway and services: every flow of
 * docs/dashboard.md, with every page it visits checked by axe-core (no serious or critical violation) and
 * photographed at 1280 px and at 390 px, where it must not scroll sideways (target/screenshots). Each
 * browser sends its requests from an address of its own, as the other system tests do, so its sign-ins
 * count in a per-address window no other test uses.
 */
@Order(6)
class DashboardBrowserSystemTest {

    private static final String PASSWORD = "a long enough password";
    private static final int PHONE = 390;
    private static final int DESKTOP = 1280;
    private static final WireMockServer RECEIVER = new WireMockServer(options().bindAddress(SystemStack.RECEIVER_HOST)
            .dynamicPort());

    @BeforeAll
    static void startReceiver() {
        RECEIVER.start();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @Test
    void signUpShowsBothKeysOnceAndTheFirstTestPauseShowsItsTimelineAndItsAnswer() {
        ChromeDriver browser = open();
        try {
            browser.get(url("/dashboard"));
            assertThat(heading(browser)).isEqualTo("Sign in");
            views(browser, "signin");
            clickAndLoad(browser, browser.findElement(By.linkText("Create one")));
            assertThat(heading(browser)).isEqualTo("Create an account");
            views(browser, "signup");

            String email = "dash-" + UUID.randomUUID() + "@example.com";
            browser.findElement(By.id("email")).sendKeys(email);
            browser.findElement(By.id("name")).sendKeys("Ada");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            clickAndLoad(browser, browser.findElement(By.cssSelector("form.stack button[type=submit]")));
            assertThat(heading(browser)).isEqualTo("Your API keys");
            assertThat(browser.findElement(By.cssSelector(".warning")).getText()).contains("You will not see these keys again");
            String liveKey = browser.findElement(By.id("live-key")).getText();
            String testKey = browser.findElement(By.id("test-key")).getText();
            assertThat(liveKey).matches("pp_live_[0-9a-f]{48}");
            assertThat(testKey).matches("pp_test_[0-9a-f]{48}");
            assertThat(browser.findElements(By.cssSelector("button.copy"))).as("a copy button per key").hasSize(2);
            views(browser, "welcome");
            browser.navigate().refresh();
            assertThat(heading(browser)).isEqualTo("Your keys were shown once");
            assertThat(as(testKey, "GET", "/v1/auth/me", null).json().get("email").asString()).isEqualTo(email);

            browser.get(url("/dashboard/test"));
            assertThat(heading(browser)).isEqualTo("Overview");
            assertThat(browser.findElement(By.id("world")).getText()).contains("Test data");
            assertThat(browser.findElement(By.cssSelector(".steps")).getText()).contains(testKey.substring(0, 12));
            views(browser, "overview-new-account");

            Reply created = as(testKey, "POST", "/v1/pause", """
                    {"recipient": "+14155550123", "channel": "sms", "message": "Deploy 4711 to production?",
                     "options": ["Deploy", "Hold"], "allow_text_response": true, "metadata": {"build": 4711}}""");
            assertThat(created.status()).isEqualTo(201);
            String pauseId = created.json().get("pause_id").asString();

            browser.get(url("/dashboard/test/pauses"));
            assertThat(browser.findElement(By.linkText("Deploy 4711 to production?")).isDisplayed()).isTrue();
            views(browser, "pauses");
            browser.get(url("/dashboard/test/pauses?status=pending&channel=email"));
            assertThat(browser.findElements(By.linkText("Deploy 4711 to production?"))).as("filtered out by channel").isEmpty();
            browser.get(url("/dashboard/test/pauses?status=pending&channel=sms"));
            clickAndLoad(browser, browser.findElement(By.linkText("Deploy 4711 to production?")));
            assertThat(browser.getCurrentUrl()).endsWith("/dashboard/test/pauses/" + pauseId);
            reloadUntil(browser, () -> browser.findElement(By.id("timeline")).getText(), "not sent: test mode");
            assertThat(browser.findElement(By.id("pause-status")).getText()).isEqualTo("pending");
            assertThat(browser.findElement(By.id("sandbox-message")).getText()).contains("Deploy 4711 to production?");
            assertThat(browser.findElement(By.id("timeline")).getText()).contains("Created");
            views(browser, "pause-pending");

            clickAndLoad(browser, browser.findElement(By.id("open-respond-page")));
            assertThat(heading(browser)).isEqualTo("An AI agent needs your answer");
            clickAndLoad(browser, browser.findElement(By.linkText("Deploy")));
            assertThat(heading(browser)).isEqualTo("Confirm your answer");
            browser.findElement(By.name("text")).sendKeys("Ship it after lunch");
            clickAndLoad(browser, browser.findElement(By.cssSelector("button[type=submit]")));
            assertThat(heading(browser)).isEqualTo("Thank you");

            browser.get(url("/dashboard/test/pauses/" + pauseId));
            assertThat(browser.findElement(By.id("pause-status")).getText()).isEqualTo("responded");
            assertThat(browser.findElement(By.id("pause-answer")).getText()).isEqualTo("Deploy");
            assertThat(browser.findElement(By.id("pause-note")).getText()).isEqualTo("Ship it after lunch");
            reloadUntil(browser, () -> browser.findElement(By.id("timeline")).getText(), "by the human from");
            assertThat(browser.findElement(By.id("timeline")).getText()).contains("Answered \u201cDeploy\u201d")
                    .contains("Ship it after lunch");
            assertThat(browser.findElements(By.id("open-respond-page"))).as("nothing left to answer").isEmpty();
            views(browser, "pause-answered");

            browser.get(url("/dashboard/test"));
            assertThat(browser.findElements(By.cssSelector(".chart svg rect.responded"))).as("today's answered pause")
                    .hasSize(1);
            views(browser, "overview");
            browser.get(url("/dashboard/test/pauses/psr_00000000-0000-0000-0000-000000000000"));
            assertThat(heading(browser)).isEqualTo("Page not found");
            views(browser, "not-found");

            browser.get(url("/dashboard/test/pauses"));
            clickAndLoad(browser, browser.findElement(By.linkText("View live data")));
            assertThat(browser.getCurrentUrl()).endsWith("/dashboard/live/pauses");
            assertThat(browser.findElements(By.linkText("Deploy 4711 to production?"))).as("a test pause in live")
                    .isEmpty();
            assertThat(browser.findElement(By.id("world")).getText()).contains("Live data");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aKeyboardAloneSignsInAndRotatingAKeySaysWhatBreaksThenShowsTheNewKeyOnce() {
        Account account = Account.register();
        ChromeDriver browser = open();
        try {
            browser.get(url("/dashboard/signin"));
            tabTo(browser, "email").sendKeys(account.email());
            WebElement password = tabTo(browser, "password");
            password.sendKeys(PASSWORD);
            WebElement signInPage = browser.findElement(By.tagName("html"));
            password.sendKeys(Keys.ENTER);
            awaitNextPage(browser, signInPage);
            assertThat(heading(browser)).isEqualTo("Overview");

            browser.get(url("/dashboard/test/keys"));
            assertThat(browser.findElement(By.tagName("table")).getText()).contains(account.test().substring(0, 12));
            views(browser, "keys");
            clickAndLoad(browser, browser.findElement(By.linkText("Rotate the test key")));
            assertThat(heading(browser)).isEqualTo("Rotate the test key?");
            assertThat(browser.findElement(By.cssSelector(".warning")).getText()).contains("stops working at once")
                    .contains(account.test().substring(0, 12)).contains("401 INVALID_API_KEY");
            views(browser, "rotate-confirm");
            assertThat(as(account.test(), "GET", "/v1/auth/me", null).status()).as("asking changed nothing")
                    .isEqualTo(200);

            clickAndLoad(browser, browser.findElement(By.cssSelector("form.actions button[type=submit]")));
            assertThat(heading(browser)).isEqualTo("Your new test key");
            String rotated = browser.findElement(By.id("new-key")).getText();
            assertThat(rotated).matches("pp_test_[0-9a-f]{48}").isNotEqualTo(account.test());
            views(browser, "rotated");
            browser.navigate().refresh();
            assertThat(heading(browser)).as("a reload shows nothing and rotates nothing").isEqualTo("This key was shown once");
            assertThat(as(account.live(), "GET", "/v1/auth/me", null).json().get("test_api_key_prefix").asString())
                    .isEqualTo(rotated.substring(0, 12));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(as(account.test(), "GET", "/v1/auth/me", null).status()).isEqualTo(401));
            assertThat(as(rotated, "GET", "/v1/auth/me", null).status()).isEqualTo(200);
            assertThat(as(account.live(), "GET", "/v1/auth/me", null).status()).as("the live key is untouched")
                    .isEqualTo(200);
        } finally {
            browser.quit();
        }
    }

    @Test
    void anEndpointAddedInTheDashboardGetsASignedTestEventThatShowsInItsDeliveryLog() {
        Account account = Account.register();
        String path = "/dashboard-hook/" + UUID.randomUUID();
        RECEIVER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        String hook = "http://" + SystemStack.RECEIVER_HOST + ":" + RECEIVER.port() + path;
        ChromeDriver browser = open();
        try {
            signIn(browser, account);
            browser.get(url("/dashboard/test/webhooks"));
            views(browser, "webhooks-empty");
            browser.findElement(By.id("url")).sendKeys(hook);
            clickAndLoad(browser, browser.findElement(By.cssSelector("form.stack button[type=submit]")));
            assertThat(heading(browser)).isEqualTo("Endpoint added");
            String secret = browser.findElement(By.id("webhook-secret")).getText();
            assertThat(secret).matches("whsec_[0-9a-f]{64}");
            views(browser, "webhook-created");

            clickAndLoad(browser, browser.findElement(By.partialLinkText("send a test event")));
            assertThat(heading(browser)).isEqualTo("Endpoint");
            clickAndLoad(browser, browser.findElement(By.xpath("//button[text()='Send a test event']")));
            assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("webhook.test");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(RECEIVER.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1));
            LoggedRequest delivered = RECEIVER.findAll(postRequestedFor(urlEqualTo(path))).get(0);
            assertThat(delivered.getHeader("X-PausePoint-Event")).isEqualTo("webhook.test");
            assertThat(delivered.getHeader("X-PausePoint-Signature")).as("signed with the secret the page showed")
                    .isEqualTo("sha256=" + Hmac.sha256Hex(secret.getBytes(StandardCharsets.UTF_8), delivered.getBody()));
            reloadUntil(browser, () -> browser.findElement(By.id("deliveries")).getText(), "HTTP 200");
            assertThat(browser.findElement(By.id("deliveries")).getText()).contains("webhook.test");
            views(browser, "webhook-log");

            clickAndLoad(browser, browser.findElement(By.linkText("Delete endpoint")));
            assertThat(heading(browser)).isEqualTo("Delete this endpoint?");
            views(browser, "webhook-delete");
            clickAndLoad(browser, browser.findElement(By.cssSelector("form.actions button[type=submit]")));
            assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("deleted");
            assertThat(as(account.test(), "GET", "/v1/webhooks", null).json().get("items")).isEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    void upgradeSendsTheBrowserToPaddleCheckoutForTheChosenPlan() {
        Account account = Account.register();
        ChromeDriver browser = open();
        try {
            signIn(browser, account);
            browser.get(url("/dashboard/live/billing"));
            assertThat(browser.findElement(By.id("current-plan")).getText()).isEqualTo("free");
            assertThat(browser.findElement(By.id("plans")).getText()).contains("starter").contains("pro")
                    .contains("enterprise");
            views(browser, "billing");
            clickAndLoad(browser, browser.findElement(By.xpath("//button[text()='Upgrade to starter']")));
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().equals("Paddle checkout"));
            assertThat(browser.getCurrentUrl()).startsWith(SystemStack.paddle().baseUrl() + "/checkout?_ptxn=");
            assertThat(SystemStack.paddle().findAll(postRequestedFor(urlEqualTo("/transactions"))
                    .withRequestBody(matchingJsonPath("$.items[0].price_id", equalTo(SystemStack.STARTER_PRICE)))
                    .withRequestBody(matchingJsonPath("$.custom_data.developer_id", equalTo(account.developerId())))))
                    .as("Paddle asked for a starter transaction for this developer").hasSize(1);

            // Paddle confirms, then the subscription is cancelled: paid for another hour.
            String subscription = "sub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);
            Instant start = Instant.now();
            Instant periodEnd = start.plus(Duration.ofHours(1));
            for (String event : List.of("subscription.created", "subscription.canceled")) {
                String body = PaddleNotifications.body(event, PaddleNotifications.values(account.developerId(),
                        subscription, SystemStack.STARTER_PRICE, Instant.now(), start, periodEnd));
                assertThat(Http.send("POST", "/v1/billing/webhook", BodyPublishers.ofString(body), "Content-Type",
                        "application/json", "Paddle-Signature", PaddleNotifications.signed(body,
                                PaddleNotifications.SECRET, Instant.now()).signature()).status()).isEqualTo(200);
            }
            browser.get(url("/dashboard/live/billing"));
            assertThat(browser.findElement(By.id("current-plan")).getText()).isEqualTo("starter");
            assertThat(browser.findElement(By.id("subscription")).getText()).contains("stays active until")
                    .contains("returns to the free plan");
            views(browser, "billing-cancelled");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aPendingPauseIsCancelledFromItsPageAndItsTimelineSaysSo() {
        Account account = Account.register();
        String pauseId = as(account.live(), "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "Drop the staging database?",
                 "options": ["Drop", "Keep"]}""").json().get("pause_id").asString();
        ChromeDriver browser = open();
        try {
            signIn(browser, account);
            browser.get(url("/dashboard/live/pauses/" + pauseId));
            assertThat(browser.findElements(By.id("open-respond-page"))).as("a live pause's link is the human's")
                    .isEmpty();
            clickAndLoad(browser, browser.findElement(By.xpath("//button[text()='Cancel this pause']")));
            assertThat(browser.findElement(By.id("pause-status")).getText()).isEqualTo("cancelled");
            assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("was cancelled");
            assertThat(browser.findElement(By.id("timeline")).getText()).contains("Cancelled");
            assertThat(browser.findElements(By.xpath("//button[text()='Cancel this pause']"))).isEmpty();
            views(browser, "pause-cancelled");
            assertThat(as(account.live(), "GET", "/v1/pause/" + pauseId, null).json().get("status").asString())
                    .isEqualTo("cancelled");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theAuditLogFiltersByTypeAndExportsWhatItShows() {
        Account account = Account.register();
        as(account.test(), "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "Rotate the database password?",
                 "options": ["Yes", "No"]}""");
        ChromeDriver browser = open();
        try {
            signIn(browser, account);
            // Yesterday to tomorrow (UTC), so a test that runs across midnight still finds today's entry.
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            String from = today.minusDays(1).toString();
            String to = today.plusDays(1).toString();
            browser.get(url("/dashboard/test/audit?event_type=pause.created&from_date=2020-01-01&to_date=2020-12-31"));
            assertThat(browser.findElement(By.tagName("main")).getText()).as("nothing in 2020").contains("No entries here");
            browser.get(url("/dashboard/test/audit?event_type=pause.created&from_date=" + from + "&to_date=" + to));
            reloadUntil(browser, () -> browser.findElement(By.tagName("main")).getText(), "pause.created");
            assertThat(browser.findElement(By.tagName("tbody")).getText()).doesNotContain("developer.registered");
            views(browser, "audit");
            String export = browser.findElement(By.id("export-csv")).getAttribute("href");
            assertThat(export).contains("format=csv").contains("event_type=pause.created").contains("from_date=" + from);
            Cookie session = browser.manage().getCookieNamed("pp_session");
            Reply csv = Http.send("GET", export.substring(export.indexOf("/dashboard")), BodyPublishers.noBody(),
                    "Cookie", "pp_session=" + session.getValue(), "X-Forwarded-For", account.address());
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Disposition")).startsWith("attachment");
            List<String> lines = csv.body().lines().toList();
            assertThat(lines.get(0)).isEqualTo("id,developer_id,pause_request_id,event_type,actor,detail,ip,created_at");
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).contains("pause.created").contains(account.developerId());
        } finally {
            browser.quit();
        }
    }

    @Test
    void signingOutEndsTheSessionInTheApiAndTheResetLinkIsRequestedFromTheForgotPage() {
        Account account = Account.register();
        ChromeDriver browser = open();
        try {
            signIn(browser, account);
            Cookie before = browser.manage().getCookieNamed("pp_session");
            assertThat(before.isHttpOnly()).isTrue();
            assertThat(before.getPath()).isEqualTo("/dashboard");
            assertThat(before.getSameSite()).isEqualTo("Lax");
            assertThat(before.getValue()).as("the API session is sealed, not stored as is").doesNotStartWith("pps_");
            clickAndLoad(browser, browser.findElement(By.xpath("//button[text()='Sign out']")));
            assertThat(heading(browser)).isEqualTo("Sign in");
            assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("You are signed out.");
            browser.get(url("/dashboard/live"));
            assertThat(heading(browser)).isEqualTo("Sign in");

            // The old cookie, put back: the session inside it was ended in the API, not only forgotten.
            browser.manage().addCookie(before);
            browser.get(url("/dashboard/live"));
            assertThat(heading(browser)).isEqualTo("Sign in");
            assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Your session has ended");

            clickAndLoad(browser, browser.findElement(By.linkText("Forgot your password?")));
            views(browser, "forgot");
            browser.findElement(By.id("email")).sendKeys(account.email());
            clickAndLoad(browser, browser.findElement(By.cssSelector("form.stack button[type=submit]")));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("a link to choose a new password");
            views(browser, "forgot-sent");
        } finally {
            browser.quit();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A registered developer with the address its browser and calls come from. */
    record Account(String developerId, String email, String live, String test, String address) {

        static Account register() {
            String address = Http.randomClient();
            String email = "dash-" + UUID.randomUUID() + "@example.com";
            Reply reply = Http.send("POST", "/v1/auth/register", BodyPublishers.ofString(
                    "{\"email\":\"" + email + "\",\"name\":\"Dash\",\"password\":\"" + PASSWORD + "\"}"),
                    "Content-Type", "application/json", "X-Forwarded-For", address);
            assertThat(reply.status()).as("register: " + reply.body()).isEqualTo(201);
            return new Account(reply.json().get("developer_id").asString(), email, reply.json().get("api_key").asString(),
                    reply.json().get("test_api_key").asString(), address);
        }
    }

    /** A desktop browser whose every request names an address of its own to the gateway (a trusted proxy here). */
    private static ChromeDriver open() {
        ChromeDriver browser = Browser.open(DESKTOP, 900, true);
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("X-Forwarded-For", Http.randomClient())));
        return browser;
    }

    private static void signIn(ChromeDriver browser, Account account) {
        browser.get(url("/dashboard/signin"));
        browser.findElement(By.id("email")).sendKeys(account.email());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        clickAndLoad(browser, browser.findElement(By.cssSelector("form.stack button[type=submit]")));
        assertThat(heading(browser)).isEqualTo("Overview");
    }

    /** Clicks what leads to another page and waits until that page has loaded (a click alone does not). */
    private static void clickAndLoad(ChromeDriver browser, WebElement element) {
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        awaitNextPage(browser, page);
    }

    /** Waits until {@code page} (the old document's root) is gone and the next document has loaded. */
    private static void awaitNextPage(ChromeDriver browser, WebElement page) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try {
                page.getTagName();
                return false;
            } catch (StaleElementReferenceException gone) {
                return "complete".equals(browser.executeScript("return document.readyState"));
            }
        });
    }

    /** Presses Tab until the field with {@code id} has the focus (at most 15 times), as a keyboard user would. */
    private static WebElement tabTo(ChromeDriver browser, String id) {
        for (int i = 0; i < 15; i++) {
            WebElement focused = browser.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Reloads the page until {@code text} shows what the page gets by event, for at most 30 s. */
    private static void reloadUntil(ChromeDriver browser, Supplier<String> text, String expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(text.get()).contains(expected);
        });
    }

    /**
     * The checks every page gets: axe-core at both widths, a screenshot at each, and at 390 px nothing wider
     * than the screen.
     */
    private static void views(ChromeDriver browser, String name) {
        Accessibility.check(browser, name + " at " + DESKTOP + " px");
        Browser.screenshot(browser, "dashboard-" + name + "-" + DESKTOP);
        browser.manage().window().setSize(new Dimension(PHONE, 844));
        try {
            Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            Number viewport = (Number) browser.executeScript("return window.innerWidth");
            Object widest = browser.executeScript("""
                    const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
                        if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true; } return false; };
                    return [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !scrolls(e))
                      .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
                      .join(', ');""");
            assertThat(width.intValue()).as(name + " fits a " + PHONE + " px screen; wider: " + widest)
                    .isLessThanOrEqualTo(viewport.intValue());
            Accessibility.check(browser, name + " at " + PHONE + " px");
            Browser.screenshot(browser, "dashboard-" + name + "-" + PHONE);
        } finally {
            browser.manage().window().setSize(new Dimension(DESKTOP, 900));
        }
    }

    private static String heading(ChromeDriver browser) {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private static String url(String path) {
        return SystemStack.gateway() + path;
    }
}
