package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The accessibility check of a page: axe-core, from the npm registry at the version the committed lockfile
 * pins ({@code src/test/browser}), installed once per run with {@code npm ci} and injected into the page.
 * A page passes with no violation of serious or critical impact. Where npm is missing the check skips
 * like the browser tests do, except when {@code PAUSEPOINT_REQUIRE_BROWSER} is set (CI): there it fails.
 */
final class Accessibility {

    private static final Path SOURCE = Path.of("src", "test", "browser");
    private static final Path INSTALL = Path.of("target", "browser-tools");
    private static String axe;

    private Accessibility() {
    }

    static synchronized String axeScript() {
        if (axe == null) {
            axe = install();
        }
        return axe;
    }

    private static String install() {
        Path script = INSTALL.resolve("node_modules/axe-core/axe.min.js");
        try {
            if (!Files.exists(script)) {
                Files.createDirectories(INSTALL);
                for (String file : new String[] {"package.json", "package-lock.json"}) {
                    Files.copy(SOURCE.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
                Process npm;
                try {
                    npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                            .directory(INSTALL.toFile()).redirectErrorStream(true)
                            .redirectOutput(INSTALL.resolve("npm-ci.log").toFile()).start();
                } catch (IOException e) {
                    if (System.getenv("PAUSEPOINT_REQUIRE_BROWSER") != null) {
                        throw new AssertionError("PAUSEPOINT_REQUIRE_BROWSER is set but npm cannot run: " + e.getMessage());
                    }
                    Assumptions.abort("no npm to install axe-core for the accessibility checks: " + e.getMessage());
                    return null;
                }
                if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                    throw new AssertionError("npm ci of the browser test tools failed; see " + INSTALL.resolve("npm-ci.log"));
                }
            }
            return Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("could not install axe-core", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while installing axe-core", e);
        }
    }

    /** Runs axe-core on the page the browser shows and fails on any serious or critical violation. */
    static void check(ChromeDriver browser, String page) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.executeScript(axeScript());
        Object violations = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(result => done(JSON.stringify(result.violations
                      .filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => ({rule: v.id, impact: v.impact, help: v.help,
                                  nodes: v.nodes.map(n => n.target.join(' '))})))))
                  .catch(error => done('axe failed: ' + error));""");
        assertThat(String.valueOf(violations)).as("serious or critical accessibility violations on " + page
                + " (" + browser.getCurrentUrl() + ")").isEqualTo("[]");
    }
}
