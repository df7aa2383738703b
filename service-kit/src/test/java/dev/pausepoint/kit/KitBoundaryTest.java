package dev.pausepoint.kit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The rule for what may enter the kit (package-info of {@code dev.pausepoint.kit}), as far as it can be
 * checked: infrastructure is auto-configured and stands alone; every other piece is reached only through
 * its {@code @Enable...} annotation, leans on nothing but infrastructure and plain helpers, and the plain
 * helpers are plain Java.
 */
class KitBoundaryTest {

    private static final String KIT = "dev.pausepoint.kit";
    /** What every servlet service gets by depending on the kit. */
    private static final String[] INFRASTRUCTURE = {KIT, KIT + ".kafka", KIT + ".lifecycle", KIT + ".outbox",
            KIT + ".metrics", KIT + ".request", KIT + ".time", KIT + ".tracing", KIT + ".trust"};
    /** Functions of their input that two services must apply alike: no beans, no configuration. */
    private static final String[] HELPERS = {KIT + ".validation", KIT + ".digest", KIT + ".asker"};

    private static final JavaClasses KIT_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(KIT);

    private static boolean isInfrastructureOrHelper(String packageName) {
        return Stream.concat(Arrays.stream(INFRASTRUCTURE), Arrays.stream(HELPERS)).anyMatch(packageName::equals);
    }

    @Test
    void onlyInfrastructureIsAutoConfigured() {
        List<String> listed = StreamSupport.stream(
                ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).spliterator(), false)
                .filter(name -> name.startsWith(KIT + ".")).toList();
        assertThat(listed).isNotEmpty().allSatisfy(name -> assertThat(name.substring(0, name.lastIndexOf('.')))
                .as(name).isIn((Object[]) INFRASTRUCTURE));
        classes().that().areAnnotatedWith(AutoConfiguration.class).should().resideInAnyPackage(INFRASTRUCTURE)
                .because("a domain piece is enabled by the services that use it, not given to all")
                .check(KIT_CLASSES);
        assertThat(KIT_CLASSES.stream().filter(type -> type.isAnnotatedWith(AutoConfiguration.class))
                .map(JavaClass::getName)).as("every auto-configuration is listed, so none is dead code")
                .containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void infrastructureDependsOnNoOptInPiece() {
        noClasses().that().resideInAnyPackage(INFRASTRUCTURE).should().dependOnClassesThat(
                resideInAPackage(KIT + "..").and(not(resideInAnyPackage(INFRASTRUCTURE)))
                        .and(not(resideInAnyPackage(HELPERS))))
                .because("every service gets the infrastructure, so it must work without any opt-in piece")
                .check(KIT_CLASSES);
    }

    @Test
    void optInPiecesLeanOnlyOnInfrastructureAndHelpersNotOnEachOther() {
        classes().that().resideInAPackage(KIT + "..").and(not(resideInAnyPackage(INFRASTRUCTURE)))
                .and(not(resideInAnyPackage(HELPERS)))
                .should(dependOnNoOtherOptInPiece())
                .because("enabling one piece must not drag in another")
                .allowEmptyShould(true)
                .check(KIT_CLASSES);
    }

    /** An opt-in configuration is package-private and imported by an {@code @Enable...} annotation beside it. */
    @Test
    void optInConfigurationIsReachedOnlyThroughItsEnableAnnotation() throws ClassNotFoundException {
        Set<JavaClass> configurations = KIT_CLASSES.stream()
                .filter(type -> type.isAnnotatedWith(Configuration.class) && !type.isAnnotatedWith(AutoConfiguration.class))
                .collect(Collectors.toSet());
        assertThat(configurations).as("the kit has opt-in pieces").isNotEmpty();
        for (JavaClass configuration : configurations) {
            assertThat(isInfrastructureOrHelper(configuration.getPackageName())).as(configuration.getName()).isFalse();
            assertThat(configuration.getModifiers()).as(configuration.getName() + " is package-private")
                    .doesNotContain(JavaModifier.PUBLIC);
            boolean imported = false;
            for (JavaClass type : KIT_CLASSES) {
                if (type.isAnnotation() && type.getSimpleName().startsWith("Enable")
                        && type.getPackageName().equals(configuration.getPackageName())) {
                    Import imports = Class.forName(type.getName()).getAnnotation(Import.class);
                    imported |= imports != null && Arrays.asList(imports.value()).contains(configuration.reflect());
                }
            }
            assertThat(imported).as(configuration.getName() + " is imported by an @Enable... in its package").isTrue();
        }
    }

    @Test
    void helpersArePlainJava() {
        classes().that().resideInAnyPackage(HELPERS).should().onlyDependOnClassesThat()
                .resideInAnyPackage(Stream.concat(Stream.of("java.."), Arrays.stream(HELPERS)).toArray(String[]::new))
                .because("a shared value rule needs no Spring, no beans and no configuration")
                .check(KIT_CLASSES);
    }

    private static ArchCondition<JavaClass> dependOnNoOtherOptInPiece() {
        return new ArchCondition<>("depend on no other opt-in piece") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    if (target.startsWith(KIT + ".") && !target.equals(type.getPackageName())
                            && !isInfrastructureOrHelper(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
