package dev.pausepoint.delivery;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.pausepoint.kit.ServiceArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    private static final String ROOT = "dev.pausepoint.delivery";
    private static final JavaClasses CLASSES = ServiceArchitecture.of(ROOT);

    @TestFactory
    Stream<DynamicTest> boundariesHold() {
        return ServiceArchitecture.rules(ROOT).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(CLASSES)));
    }
}
