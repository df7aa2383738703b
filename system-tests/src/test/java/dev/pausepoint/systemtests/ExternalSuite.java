package dev.pausepoint.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A test suite written in another language (the TypeScript and Python SDKs), run as a process against the
 * running stack and reported back to JUnit one test at a time. Each suite writes JUnit XML; every test
 * case in it becomes a dynamic test here, so the build's reports count them, and a skipped case fails
 * like a failed one: in CI nothing may be skipped.
 */
final class ExternalSuite {

    private final String name;
    private final Path directory;
    private final Path report;
    private final Path log;

    ExternalSuite(String name, Path directory) {
        this.name = name;
        this.directory = directory.toAbsolutePath().normalize();
        Path target = Path.of("target", "external-suites").toAbsolutePath();
        this.report = target.resolve(name + ".xml");
        this.log = target.resolve(name + ".log");
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new AssertionError(name + ": cannot clear " + log, e);
        }
    }

    Path directory() {
        return directory;
    }

    /** The JUnit XML the suite must write, for the command's arguments or environment. */
    Path report() {
        return report;
    }

    /**
     * Checks that the suite's toolchain runs (e.g. {@code node --version}). Without it the suite is skipped on a
     * machine that has only a JDK, as the README promises, but fails where {@code PAUSEPOINT_REQUIRE_TOOLS} is
     * set (CI, which installs the tools): there a skip would hide that nothing ran.
     */
    void requireTool(List<String> probe) {
        String why;
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return;
            }
            why = String.join(" ", probe) + " failed: " + output;
        } catch (IOException e) {
            why = String.join(" ", probe) + " cannot run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted", e);
        }
        if (System.getenv("PAUSEPOINT_REQUIRE_TOOLS") != null) {
            throw new AssertionError("PAUSEPOINT_REQUIRE_TOOLS is set but " + name + " cannot run: " + why);
        }
        Assumptions.abort(name + " needs a tool this machine lacks: " + why);
    }

    /** Runs a preparation step (an install, a build); its failure fails the suite with the log's path. */
    void prepare(List<String> command, Map<String, String> environment, Duration timeout) {
        int exit = run(command, environment, timeout);
        if (exit != 0) {
            throw new AssertionError(name + ": " + String.join(" ", command) + " exited with " + exit + "; see " + log
                    + "\n" + tail());
        }
    }

    /**
     * Runs the suite's tests and turns each test case of its report into a dynamic test. A run that ends
     * without a report, or whose report holds no test, is one failing test: nothing ran, so nothing passed.
     */
    Stream<DynamicTest> test(List<String> command, Map<String, String> environment, Duration timeout) {
        int exit;
        try {
            Files.deleteIfExists(report);
            exit = run(command, environment, timeout);
        } catch (IOException e) {
            throw new AssertionError(name + ": cannot clear " + report, e);
        }
        List<Case> cases = Files.isRegularFile(report) ? cases() : List.of();
        if (cases.isEmpty()) {
            String tail = tail();
            return Stream.of(DynamicTest.dynamicTest(name + " ran no test", () -> {
                throw new AssertionError(name + " exited with " + exit + " and reported no test case; see " + log
                        + "\n" + tail);
            }));
        }
        List<DynamicTest> tests = new ArrayList<>(cases.stream().map(Case::asTest).toList());
        if (exit != 0 && cases.stream().allMatch(Case::passed)) {
            // A suite can fail outside any test case (a hook, a crash after the report): that must show too.
            String tail = tail();
            tests.add(DynamicTest.dynamicTest(name + " exit status", () -> {
                throw new AssertionError(name + " exited with " + exit + " although every case passed; see " + log
                        + "\n" + tail);
            }));
        }
        return tests.stream();
    }

    /** One test case of the report: its name, and why it did not pass (null when it passed). */
    private record Case(String display, String problem, Path log) {
        boolean passed() {
            return problem == null;
        }

        DynamicTest asTest() {
            return DynamicTest.dynamicTest(display, () -> {
                if (problem != null) {
                    throw new AssertionError(display + ": " + problem + "\n(full output: " + log + ")");
                }
            });
        }
    }

    private List<Case> cases() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList testcases = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testcase");
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < testcases.getLength(); i++) {
                Element testcase = (Element) testcases.item(i);
                String display = testcase.getAttribute("classname") + " › " + testcase.getAttribute("name");
                cases.add(new Case(display, problem(testcase), log));
            }
            return cases;
        } catch (Exception e) {
            throw new AssertionError(name + ": cannot read its report " + report, e);
        }
    }

    /** Why a test case did not pass, or null when it passed. */
    private static String problem(Element testcase) {
        for (String kind : new String[] {"failure", "error", "skipped"}) {
            NodeList found = testcase.getElementsByTagName(kind);
            if (found.getLength() > 0) {
                Element first = (Element) found.item(0);
                String message = first.getAttribute("message");
                String detail = first.getTextContent().strip();
                return kind + (message.isEmpty() ? "" : ": " + message) + (detail.isEmpty() ? "" : "\n" + detail);
            }
        }
        return null;
    }

    private int run(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(name + ": " + String.join(" ", command) + " did not finish within " + timeout
                        + "; see " + log + "\n" + tail());
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new AssertionError(name + ": cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted", e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
