package dev.pausepoint.systemtests;

import dev.pausepoint.localstack.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The TypeScript SDK's own tests ({@code clients/typescript}, {@code node --test}): its unit tests, and its
 * integration tests (the client, the framework adapters, the TypeScript MCP SDK's client against our MCP
 * server) against this stack. Each of its test cases is reported here as a test of its own.
 */
class TypeScriptClientSystemTest {

    @TestFactory
    Stream<DynamicTest> typeScriptSdkPassesAgainstTheRealStack() throws Exception {
        Path root = Workspace.locate().root();
        ExternalSuite suite = new ExternalSuite("typescript-sdk", root.resolve("clients/typescript"));
        suite.requireTool(List.of("npm", "--version"));
        Path installed = suite.directory().resolve("node_modules/.package-lock.json");
        Path lockfile = suite.directory().resolve("package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lockfile)) < 0) {
            suite.prepare(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), Duration.ofMinutes(5));
        }
        return suite.test(List.of("npm", "test"), Map.of(
                "PAUSEPOINT_URL", SystemStack.gateway().toString(),
                "PAUSEPOINT_RECEIVER_HOST", SystemStack.RECEIVER_HOST,
                "PAUSEPOINT_MCP_JAR", root.resolve("mcp-server/target/mcp-server.jar").toString(),
                // One JUnit report for the run, read back here; the spec reporter for the log.
                "NODE_OPTIONS", "--test-reporter=junit --test-reporter-destination=" + suite.report()
                        + " --test-reporter=spec --test-reporter-destination=stdout"),
                Duration.ofMinutes(10));
    }
}
