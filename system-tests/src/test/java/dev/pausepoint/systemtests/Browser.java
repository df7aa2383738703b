package dev.pausepoint.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * The machine's headless Chromium, driven through its own chromedriver (no download: both come from the
 * OS packages {@code chromium} and {@code chromium-driver}, or from {@code CHROME_BIN} and
 * {@code CHROMEDRIVER}). Where neither is installed the browser tests are skipped with that reason,
 * except when {@code PAUSEPOINT_REQUIRE_BROWSER} is set, as CI does: there a missing browser fails.
 */
final class Browser {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    /** A phone-sized (or any) headless Chromium; {@code javascript} false turns scripts off entirely. */
    static ChromeDriver open(int width, int height, boolean javascript) {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
        Path driver = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
        boolean installed = Files.isExecutable(chromium) && Files.isExecutable(driver);
        if (!installed && System.getenv("PAUSEPOINT_REQUIRE_BROWSER") != null) {
            throw new AssertionError("PAUSEPOINT_REQUIRE_BROWSER is set but there is no " + chromium + " and " + driver
                    + " (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "no Chromium at " + chromium + " with " + driver
                + "; install chromium and chromium-driver to run the browser tests");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                        "--window-size=" + width + "," + height);
        if (width < 600) {
            // A phone: its viewport width, pixel density and touch, so the page lays out as on a handset.
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/150.0 Mobile Safari/537.36"));
        }
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        // A driver command that hangs fails the test in a minute instead of Selenium's default three.
        ChromeDriver browser = new ChromeDriver(service, options,
                ClientConfig.defaultConfig().readTimeout(Duration.ofSeconds(60)));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return browser;
    }

    /**
     * A finger's tap on the element, as a phone delivers it (touch down and up, which the page gets as a
     * click). On an emulated touch screen with scripts off, Chromium 156's chromedriver never returns
     * from a plain {@code click()}; a tap is also what the test means.
     */
    static void tap(ChromeDriver browser, WebElement element) {
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        browser.perform(List.of(new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(element), 0, 0))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()))));
    }

    static void screenshot(ChromeDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("could not save screenshot " + name, e);
        }
    }
}
