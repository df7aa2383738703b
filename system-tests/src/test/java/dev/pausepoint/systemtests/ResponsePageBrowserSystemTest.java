package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.systemtests.Http.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

/**
 * A human answering a real {@code respond_url} in real headless Chromium: a 360×740 phone with and without
 * JavaScript, and a desktop window. Screenshots of every step land in {@code target/screenshots}.
 */
@Order(5)
class ResponsePageBrowserSystemTest {

    @Test
    void aPhoneAnswersWithJavaScript() {
        answerOnAPhone(true);
    }

    @Test
    void aPhoneAnswersWithJavaScriptDisabled() {
        answerOnAPhone(false);
    }

    private static void answerOnAPhone(boolean javascript) {
        RespondedPause pause = RespondedPause.create();
        String name = javascript ? "phone-js" : "phone-no-js";
        ChromeDriver browser = Browser.open(360, 740, javascript);
        try {
            browser.get(pause.respondUrl());
            assertThat(heading(browser)).isEqualTo("An AI agent needs your answer");
            assertThat(browser.findElement(By.cssSelector(".message")).getText()).isEqualTo(RespondedPause.MESSAGE);
            assertFitsThePhone(browser);
            List<WebElement> options = browser.findElements(By.cssSelector("a.button"));
            assertThat(options).extracting(WebElement::getText).containsExactly("Approve", "Reject", "Ask me later");
            for (WebElement option : options) {
                assertThat(option.getRect().getWidth()).as("full width").isGreaterThanOrEqualTo(320);
                assertThat(option.getRect().getHeight()).as("easy to tap").isGreaterThanOrEqualTo(48);
            }
            Browser.screenshot(browser, name + "-1-options");

            Browser.tap(browser, options.get(1));
            awaitHeading(browser, "Confirm your answer");
            assertFitsThePhone(browser);
            assertThat(pause.current().get("status").asString()).as("choosing alone records nothing").isEqualTo("pending");
            browser.findElement(By.name("text")).sendKeys("Wait until the Monday release");
            Browser.screenshot(browser, name + "-2-confirm");

            Browser.tap(browser, browser.findElement(By.cssSelector("button[type=submit]")));
            awaitHeading(browser, "Thank you");
            assertThat(browser.findElement(By.tagName("strong")).getText()).isEqualTo("Reject");
            Browser.screenshot(browser, name + "-3-done");

            JsonNode answered = pause.current();
            assertThat(answered.get("status").asString()).isEqualTo("responded");
            assertThat(answered.get("response_choice").asString()).isEqualTo("Reject");
            assertThat(answered.get("response_text").asString()).isEqualTo("Wait until the Monday release");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pause.audit("pause.responded")).hasSize(1));
            JsonNode audit = pause.audit("pause.responded").get(0);
            assertThat(audit.get("actor").asString()).isEqualTo("human");
            assertThat(audit.get("ip").asString()).as("the browser's own address, as the gateway saw it")
                    .isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(audit.get("detail").get("user_agent").asString()).contains("Pixel 8");

            browser.get(pause.respondUrl());
            assertThat(heading(browser)).isEqualTo("Already answered");
            assertThat(browser.findElement(By.tagName("strong")).getText()).isEqualTo("Reject");
        } finally {
            browser.quit();
        }
    }

    /** Who is asking, and what happens if no one answers, before the person chooses (docs/api-reference.md). */
    @Test
    void thePageSaysWhoIsAskingAndWhatSilenceMeans() {
        Developer developer = Developer.register("Acme Robotics");
        Reply created = Developer.as(developer.test(), "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "%s", "options": ["Approve", "Reject"],
                 "timeout_default": "Reject", "agent_name": "deploy-bot"}""".formatted(RespondedPause.MESSAGE));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String by = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC)
                .format(Instant.parse(created.json().get("expires_at").asString()));
        ChromeDriver browser = Browser.open(360, 740, true);
        try {
            browser.get(created.json().get("respond_url").asString());
            assertThat(browser.findElement(By.cssSelector(".asker")).getText())
                    .isEqualTo("Acme Robotics is asking, through its agent deploy-bot");
            assertThat(browser.findElements(By.cssSelector(".note"))).extracting(WebElement::getText)
                    .contains("If no one answers by " + by + ", the agent will go ahead with ‘Reject’.");
            assertFitsThePhone(browser);
            Browser.screenshot(browser, "phone-asker-and-silence");
        } finally {
            browser.quit();
        }
    }

    @Test
    void onADesktopThePageStaysAReadableColumn() {
        RespondedPause pause = RespondedPause.create();
        ChromeDriver browser = Browser.open(1280, 800, true);
        try {
            browser.get(pause.respondUrl());
            List<WebElement> options = browser.findElements(By.cssSelector("a.button"));
            assertThat(options).hasSize(3);
            int width = options.get(0).getRect().getWidth();
            assertThat(width).as("one column, not stretched across the screen").isBetween(300, 512);
            int left = options.get(0).getRect().getX();
            assertThat(Math.abs(left - (1280 - width - left))).as("centred").isLessThanOrEqualTo(24);
            Browser.screenshot(browser, "desktop-options");
        } finally {
            browser.quit();
        }
    }

    /** A click navigates after it returns; the next page is there once its heading is. */
    private static void awaitHeading(ChromeDriver browser, String expected) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .untilAsserted(() -> assertThat(heading(browser)).isEqualTo(expected));
    }

    private static String heading(ChromeDriver browser) {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private static void assertFitsThePhone(ChromeDriver browser) {
        Object viewport = browser.executeScript("return window.innerWidth");
        Object content = browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) viewport).intValue()).isEqualTo(360);
        assertThat(((Number) content).intValue()).as("no horizontal scroll").isLessThanOrEqualTo(360);
    }
}
