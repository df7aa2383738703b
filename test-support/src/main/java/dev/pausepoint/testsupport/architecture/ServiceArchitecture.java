package dev.pausepoint.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules every service keeps, checked rather than hoped for. Boundaries: feature packages do not
 * cycle; web code never reaches another feature's repository or raw SQL; repositories and services hold
 * no web types. One suffix per role: only a {@code *Repository} runs SQL, {@code *Listener} means a Kafka
 * listener and nothing else, {@code *Subscriber} a Postgres LISTEN/NOTIFY subscriber. Wiring: each feature
 * package configures itself. A service's ArchitectureTest applies them to its root package, so the kit's
 * own infrastructure (the outbox runs SQL and is no repository) is outside them by construction. The
 * gateway, reactive and without a database, applies the {@linkplain #structuralRules structural} ones.
 */
public final class ServiceArchitecture {

    /**
     * Running a statement: Spring's JDBC, or a raw JDBC connection. A {@code ResultSet} alone runs nothing,
     * and a {@code DataSource} handed to a repository is wiring; taking a connection from it is not.
     */
    private static final Set<String> SQL_ENTRY_POINTS = Set.of("java.sql.Connection", "java.sql.Statement",
            "java.sql.PreparedStatement", "java.sql.CallableStatement", "java.sql.DriverManager");
    private static final String POSTGRES_NOTIFICATIONS = "org.postgresql.PGConnection";

    private ServiceArchitecture() {
    }

    public static JavaClasses of(String rootPackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        if (classes.stream().noneMatch(type -> type.getPackageName().startsWith(rootPackage))) {
            // Rules that find no subject pass; a mistyped root must not pass them all.
            throw new IllegalArgumentException("No main classes in " + rootPackage);
        }
        return classes;
    }

    /** Every rule as a test over the service's classes; a servlet service's ArchitectureTest returns this. */
    public static Stream<DynamicTest> check(String rootPackage) {
        return check(rootPackage, rules(rootPackage));
    }

    /** The structural rules as tests, for a service with no servlet stack and no database: the gateway. */
    public static Stream<DynamicTest> checkStructure(String rootPackage) {
        return check(rootPackage, structuralRules(rootPackage));
    }

    private static Stream<DynamicTest> check(String rootPackage, List<ArchRule> rules) {
        JavaClasses classes = of(rootPackage);
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    /** Every rule: the structural ones and those over web code, services and persistence. */
    public static List<ArchRule> rules(String rootPackage) {
        return Stream.concat(structuralRules(rootPackage).stream(), webAndPersistenceRules().stream()).toList();
    }

    /**
     * The rules on packages, Kafka listener names and wiring alone. They name no servlet, web or JDBC concept,
     * so they hold in any Spring service, reactive or servlet, with a database or without. The others are
     * about controllers, repositories and SQL, which the gateway has none of, and in a reactive process a
     * {@code *Subscriber} is as likely a Reactive Streams one as a Postgres LISTEN.
     */
    public static List<ArchRule> structuralRules(String rootPackage) {
        return List.of(
                slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles()
                        .as("feature packages do not depend on each other in a cycle"),
                classes().that().haveSimpleNameEndingWith("Listener").should(declareAKafkaListener())
                        .as("a *Listener listens to Kafka").allowEmptyShould(true),
                methods().that().areAnnotatedWith(KafkaListener.class)
                        .should().beDeclaredInClassesThat().haveSimpleNameEndingWith("Listener")
                        .as("Kafka listeners are named *Listener").allowEmptyShould(true),
                classes().that().areAnnotatedWith(KafkaListener.class).should().haveSimpleNameEndingWith("Listener")
                        .as("Kafka listener classes are named *Listener").allowEmptyShould(true),
                classes().that().areMetaAnnotatedWith(Configuration.class)
                        .should(configureOnlyTheirOwnFeature(rootPackage))
                        .as("each feature package wires itself: a configuration builds its own package's beans "
                                + "and binds its own package's properties"));
    }

    private static List<ArchRule> webAndPersistenceRules() {
        return List.of(
                classes().that().areAnnotatedWith(RestController.class).should(reachDataOnlyThroughTheirOwnFeature())
                        .as("web code reaches only its own feature's repositories, and never raw SQL"),
                noClasses().that().areAnnotatedWith(Repository.class)
                        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                        .as("repositories hold no web types"),
                noClasses().that().areAnnotatedWith(Service.class).or().haveSimpleNameEndingWith("Service")
                        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                        .as("services hold no web types"),
                classes().should(runSqlOnlyAsARepository())
                        .as("only a *Repository runs SQL (a *Subscriber may hold a raw connection, to LISTEN)"),
                classes().that().areAnnotatedWith(Repository.class).should().haveSimpleNameEndingWith("Repository")
                        .as("persistence classes are named *Repository").allowEmptyShould(true),
                classes().that().haveSimpleNameEndingWith("Repository").should().beAnnotatedWith(Repository.class)
                        .as("a *Repository is a @Repository").allowEmptyShould(true),
                classes().that().haveSimpleNameEndingWith("Subscriber").should(readPostgresNotifications())
                        .as("a *Subscriber subscribes to Postgres notifications (LISTEN/NOTIFY)").allowEmptyShould(true));
    }

    private static ArchCondition<JavaClass> reachDataOnlyThroughTheirOwnFeature() {
        return new ArchCondition<>("reach data only through their own feature") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    boolean otherFeaturesRepository = target.isAnnotatedWith(Repository.class)
                            && !target.getPackageName().equals(controller.getPackageName());
                    if (otherFeaturesRepository || runsSql(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /**
     * SQL lives in repositories. The one other role that touches JDBC is the LISTEN subscriber: it holds a
     * dedicated connection to hear notifications and reads or writes no rows, so it is not persistence; it
     * may use a raw connection, never Spring's JDBC, and the {@code *Subscriber} rule holds it to LISTEN.
     */
    private static ArchCondition<JavaClass> runSqlOnlyAsARepository() {
        return new ArchCondition<>("run SQL only as a *Repository") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String role = topLevel(type).getSimpleName();
                if (role.endsWith("Repository")) {
                    return;
                }
                boolean subscriber = role.endsWith("Subscriber");
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    boolean springJdbc = target.getPackageName().startsWith("org.springframework.jdbc");
                    if (springJdbc || (!subscriber && runsSql(target))) {
                        events.add(SimpleConditionEvent.violated(dependency,
                                type.getName() + " runs SQL outside a *Repository: " + dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** A lambda's or an anonymous class's role is the role of the class it is written in. */
    private static JavaClass topLevel(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static boolean runsSql(JavaClass type) {
        return type.getPackageName().startsWith("org.springframework.jdbc") || SQL_ENTRY_POINTS.contains(type.getName());
    }

    private static ArchCondition<JavaClass> declareAKafkaListener() {
        return new ArchCondition<>("declare a @KafkaListener") {
            @Override
            public void check(JavaClass listener, ConditionEvents events) {
                if (!listener.isAnnotatedWith(KafkaListener.class)
                        && listener.getMethods().stream().noneMatch(method -> method.isAnnotatedWith(KafkaListener.class))) {
                    events.add(SimpleConditionEvent.violated(listener, listener.getName()
                            + " has no @KafkaListener: *Listener is for Kafka (a Postgres LISTEN is a *Subscriber)"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> readPostgresNotifications() {
        return new ArchCondition<>("read Postgres notifications") {
            @Override
            public void check(JavaClass subscriber, ConditionEvents events) {
                boolean listens = subscriber.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().getName().equals(POSTGRES_NOTIFICATIONS)
                                && call.getName().equals("getNotifications"));
                if (!listens) {
                    events.add(SimpleConditionEvent.violated(subscriber, subscriber.getName()
                            + " never calls PGConnection.getNotifications: *Subscriber is for Postgres LISTEN"));
                }
            }
        };
    }

    /**
     * A configuration's {@code @Bean} methods return types of its own package or from outside the service
     * (a JDK pool, a library client, a kit type), and the properties it enables are its package's, named: a
     * root file wiring every feature, a feature reaching into another's settings, or a properties scan
     * (which binds whatever it finds below it, every feature's) fails.
     */
    private static ArchCondition<JavaClass> configureOnlyTheirOwnFeature(String rootPackage) {
        return new ArchCondition<>("configure only their own feature") {
            @Override
            public void check(JavaClass configuration, ConditionEvents events) {
                for (JavaMethod method : configuration.getMethods()) {
                    if (method.isAnnotatedWith(Bean.class)) {
                        JavaClass built = method.getRawReturnType();
                        if (isAnotherPackageOfTheService(built.getPackageName(), configuration, rootPackage)) {
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
                if (configuration.isMetaAnnotatedWith(ConfigurationPropertiesScan.class)) {
                    events.add(SimpleConditionEvent.violated(configuration, configuration.getName()
                            + " scans for properties, binding every package's below it: name its own in "
                            + "@EnableConfigurationProperties"));
                }
            }
        };
    }

    private static boolean isAnotherPackageOfTheService(String pkg, JavaClass configuration, String rootPackage) {
        return (pkg.equals(rootPackage) || pkg.startsWith(rootPackage + ".")) && !pkg.equals(configuration.getPackageName());
    }
}
