package dev.pausepoint.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contract is data and signatures on the JDK alone, so the gateway and every service can read it alike. */
class ContractBoundaryTest {

    @Test
    void dependsOnTheJdkOnly() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..",
                        "dev.pausepoint.identity..")
                .because("a contract renders nothing and wires nothing: that is each side's business")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.pausepoint.identity"));
    }
}
