package dev.pausepoint.mcp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The MCP server's boundaries: the tools know no transport, the stdio mode starts no Spring, the two modes
 * know nothing of each other, and every call to PausePoint goes through the Java client (no database, no
 * Kafka, no HTTP request of our own).
 */
class McpServerArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.pausepoint.mcp");

    @Test
    void theToolsKnowNoTransport() {
        noClasses().that().resideInAPackage("..mcp.tools..").should().dependOnClassesThat()
                .resideInAnyPackage("..mcp.http..", "..mcp.stdio..", "jakarta.servlet..", "org.springframework..")
                .check(CLASSES);
    }

    @Test
    void theStdioModeStartsNoSpring() {
        noClasses().that().resideInAPackage("..mcp.stdio..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "..mcp.http..").check(CLASSES);
    }

    @Test
    void theHttpModeKnowsNothingOfStdio() {
        noClasses().that().resideInAPackage("..mcp.http..").should().dependOnClassesThat()
                .resideInAPackage("..mcp.stdio..").check(CLASSES);
    }

    @Test
    void pausePointIsReachedOnlyThroughTheJavaClient() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                "org.springframework.jdbc..", "org.apache.kafka..", "org.springframework.kafka..",
                "org.springframework.web.client..").orShould().dependOnClassesThat()
                .haveFullyQualifiedName("java.net.http.HttpRequest").check(CLASSES);
    }
}
