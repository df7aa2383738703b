package dev.pausepoint.response;

import dev.pausepoint.testsupport.architecture.ServiceArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> boundariesHold() {
        return ServiceArchitecture.check("dev.pausepoint.response");
    }
}
