package dev.pausepoint.delivery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.pausepoint.kit.ServiceArchitecture;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Repository;

class ArchitectureTest {

    private static final String ROOT = "dev.pausepoint.delivery";

    @TestFactory
    Stream<DynamicTest> boundariesHold() {
        return ServiceArchitecture.check(ROOT);
    }

    /** The service's own rules: one suffix per role, and each feature wiring itself. */
    @TestFactory
    Stream<DynamicTest> namesAndWiringHold() {
        JavaClasses classes = ServiceArchitecture.of(ROOT);
        return rules().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    static List<ArchRule> rules() {
        return List.of(
                noClasses().that().haveSimpleNameNotEndingWith("Repository")
                        .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                        .as("only a *Repository runs SQL"),
                classes().that().areAnnotatedWith(Repository.class).should().haveSimpleNameEndingWith("Repository")
                        .as("persistence classes are named *Repository"),
                classes().that().haveSimpleNameEndingWith("Listener").should(declareAKafkaListener())
                        .as("a *Listener listens to Kafka"),
                methods().that().areAnnotatedWith(KafkaListener.class)
                        .should().beDeclaredInClassesThat().haveSimpleNameEndingWith("Listener")
                        .as("Kafka listeners are named *Listener"),
                classes().that().areAnnotatedWith(Configuration.class).should(configureOnlyTheirOwnFeature())
                        .as("each feature package wires itself: a configuration builds its own package's beans "
                                + "and binds its own package's properties"));
    }

    private static ArchCondition<JavaClass> declareAKafkaListener() {
        return new ArchCondition<>("declare a @KafkaListener method") {
            @Override
            public void check(JavaClass listener, ConditionEvents events) {
                if (listener.getMethods().stream().noneMatch(method -> method.isAnnotatedWith(KafkaListener.class))) {
                    events.add(SimpleConditionEvent.violated(listener, listener.getName() + " has no @KafkaListener"));
                }
            }
        };
    }

    /**
     * A configuration's {@code @Bean} methods return types of its own package or from outside the service
     * (a JDK pool, a library client), and the properties it enables are its package's: a root file wiring
     * every feature, or a feature reaching into another's settings, fails.
     */
    private static ArchCondition<JavaClass> configureOnlyTheirOwnFeature() {
        return new ArchCondition<>("configure only their own feature") {
            @Override
            public void check(JavaClass configuration, ConditionEvents events) {
                for (JavaMethod method : configuration.getMethods()) {
                    if (method.isAnnotatedWith(Bean.class)) {
                        JavaClass built = method.getRawReturnType();
                        if (isAnotherPackageOfTheService(built, configuration)) {
                            events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " builds " + built.getName() + " of another package"));
                        }
                    }
                }
                Class<?>[] bound = configuration.tryGetAnnotationOfType(EnableConfigurationProperties.class)
                        .map(EnableConfigurationProperties::value).orElse(new Class<?>[0]);
                for (Class<?> properties : bound) {
                    if (!properties.getPackageName().equals(configuration.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(configuration,
                                configuration.getName() + " binds " + properties.getName() + " of another package"));
                    }
                }
            }
        };
    }

    private static boolean isAnotherPackageOfTheService(JavaClass type, JavaClass configuration) {
        String pkg = type.getPackageName();
        return (pkg.equals(ROOT) || pkg.startsWith(ROOT + ".")) && !pkg.equals(configuration.getPackageName());
    }
}
