package dev.pausepoint.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's boundaries: it owns no data and reaches the system only through the public API, so no
 * class touches a database or Kafka, and only {@code api} makes HTTP calls; the browser side ({@code web})
 * and the API client ({@code api}) know nothing of the pages built on them.
 */
class DashboardArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.pausepoint.dashboard");
    private static final String[] PAGES = {"..dashboard.account..", "..dashboard.overview..", "..dashboard.pauses..",
            "..dashboard.keys..", "..dashboard.webhooks..", "..dashboard.audit..", "..dashboard.billing.."};

    @Test
    void nothingReachesADatabaseOrKafka() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                "org.springframework.jdbc..", "org.apache.kafka..", "org.springframework.kafka..").check(CLASSES);
    }

    @Test
    void onlyTheApiClientMakesHttpCalls() {
        noClasses().that().resideOutsideOfPackage("..dashboard.api..").should().dependOnClassesThat()
                .haveFullyQualifiedName("java.net.http.HttpClient").orShould().dependOnClassesThat()
                .haveFullyQualifiedName("java.net.http.HttpRequest").because("every page calls the API through ApiClient")
                .check(CLASSES);
    }

    @Test
    void theBrowserSideAndTheApiClientKnowNoPage() {
        noClasses().that().resideInAnyPackage("..dashboard.web..", "..dashboard.api..").should().dependOnClassesThat()
                .resideInAnyPackage(PAGES).check(CLASSES);
    }
}
