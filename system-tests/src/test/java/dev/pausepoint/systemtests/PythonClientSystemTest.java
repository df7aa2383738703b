package dev.pausepoint.systemtests;

import dev.pausepoint.localstack.Workspace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Python SDK's own tests ({@code clients/python}, Debian's pytest on {@code /usr/bin/python3}): unit tests
 * on httpx's mock transport and integration tests against this stack, each reported here as a test.
 */
class PythonClientSystemTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TestFactory
    Stream<DynamicTest> pythonSdkPassesAgainstTheRealStack() {
        ExternalSuite suite = new ExternalSuite("python-sdk", Workspace.locate().root().resolve("clients/python"));
        suite.requireTool(List.of(PYTHON, "-c", "import httpx, pytest"));
        return suite.test(List.of(PYTHON, "-m", "pytest", "-p", "no:cacheprovider", "-o", "junit_family=xunit2",
                        "--junitxml=" + suite.report(), "-rA", "tests"),
                Map.of("PAUSEPOINT_URL", SystemStack.gateway().toString(),
                        "PAUSEPOINT_RECEIVER_HOST", SystemStack.RECEIVER_HOST,
                        "PYTHONPATH", "src",
                        "PYTHONDONTWRITEBYTECODE", "1"),
                Duration.ofMinutes(10));
    }
}
