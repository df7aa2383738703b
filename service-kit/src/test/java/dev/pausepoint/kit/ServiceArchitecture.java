package dev.pausepoint.kit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boundaries every service keeps, checked rather than hoped for: feature packages
 * do not cycle; web code never reaches another feature's repository or raw SQL; repositories and
 * services hold no web types. A service's ArchitectureTest applies them to its root package.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    public static JavaClasses of(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** Every rule as a test over the service's classes; a service's ArchitectureTest returns this. */
    public static Stream<DynamicTest> check(String rootPackage) {
        JavaClasses classes = of(rootPackage);
        return rules(rootPackage).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    public static List<ArchRule> rules(String rootPackage) {
        return List.of(
                slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles()
                        .as("feature packages do not depend on each other in a cycle"),
                classes().that().areAnnotatedWith(RestController.class).should(reachDataOnlyThroughTheirOwnFeature())
                        .as("web code reaches only its own feature's repositories, and never raw SQL"),
                noClasses().that().areAnnotatedWith(Repository.class)
                        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                        .as("repositories hold no web types"),
                noClasses().that().areAnnotatedWith(Service.class).or().haveSimpleNameEndingWith("Service")
                        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                        .as("services hold no web types"));
    }

    private static ArchCondition<JavaClass> reachDataOnlyThroughTheirOwnFeature() {
        return new ArchCondition<>("reach data only through their own feature") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    boolean otherFeaturesRepository = target.isAnnotatedWith(Repository.class)
                            && !target.getPackageName().equals(controller.getPackageName());
                    boolean rawSql = target.getFullName().startsWith("org.springframework.jdbc.");
                    if (otherFeaturesRepository || rawSql) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
