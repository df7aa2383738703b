package dev.pausepoint.gateway;

import dev.pausepoint.testsupport.architecture.ServiceArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The structural rules only: the gateway is reactive and has no database, so the rules over controllers,
 * repositories and SQL that the servlet services keep have nothing here to hold.
 */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> boundariesHold() {
        return ServiceArchitecture.checkStructure("dev.pausepoint.gateway");
    }
}
