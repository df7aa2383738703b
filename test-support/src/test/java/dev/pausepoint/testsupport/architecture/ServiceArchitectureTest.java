package dev.pausepoint.testsupport.architecture;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shared rules can fail, and fail on the right classes: a made-up service that keeps them passes every
 * one, and a made-up service that breaks each is reported class by class (fixtures in
 * {@code dev.pausepoint.testsupport.architecture.fixtures}).
 */
class ServiceArchitectureTest {

    private static final String COMPLIANT = "dev.pausepoint.testsupport.architecture.fixtures.compliant";
    private static final String VIOLATING = "dev.pausepoint.testsupport.architecture.fixtures.violating";
    private static final String WIRING = "each feature package wires itself: a configuration builds its own "
            + "package's beans and binds its own package's properties";
    /** The first class of the made-up service a violation line names: the class that breaks the rule. */
    private static final Pattern OFFENDER = Pattern.compile(Pattern.quote(VIOLATING) + "\\.(?:[a-z]\\w*\\.)*([A-Z]\\w*)");

    @Test
    void aServiceThatKeepsTheRulesPassesEveryOne() {
        JavaClasses classes = new ClassFileImporter().importPackages(COMPLIANT);
        for (ArchRule rule : ServiceArchitecture.rules(COMPLIANT)) {
            EvaluationResult result = rule.evaluate(classes);
            assertThat(result.hasViolation()).as(rule.getDescription() + ": " + result.getFailureReport()).isFalse();
        }
    }

    @Test
    void eachRuleNamesTheClassesThatBreakIt() {
        JavaClasses classes = new ClassFileImporter().importPackages(VIOLATING);
        Map<String, Set<String>> offenders = Map.ofEntries(
                // stock and shelf reach into each other; a cycle is reported from its first slice's class
                entry("feature packages do not depend on each other in a cycle", Set.of("Shelf")),
                entry("web code reaches only its own feature's repositories, and never raw SQL", Set.of("StockController")),
                entry("only a *Repository runs SQL (a *Subscriber may hold a raw connection, to LISTEN)",
                        Set.of("StockService", "StockReport", "StockChangeListener", "StockSubscriber", "StockController")),
                entry("persistence classes are named *Repository", Set.of("StockStore")),
                entry("a *Repository is a @Repository", Set.of("StockRepository")),
                entry("a *Listener listens to Kafka", Set.of("StockChangeListener")),
                entry("Kafka listeners are named *Listener", Set.of("StockEventsHandler")),
                entry("Kafka listener classes are named *Listener", Set.of("StockBatchHandler")),
                entry("a *Subscriber subscribes to Postgres notifications (LISTEN/NOTIFY)", Set.of("StockSubscriber")),
                entry(WIRING, Set.of("WiringConfiguration", "PropertiesScanConfiguration")));
        for (ArchRule rule : ServiceArchitecture.rules(VIOLATING)) {
            Set<String> expected = offenders.getOrDefault(rule.getDescription(), Set.of());
            assertThat(offendersOf(rule.evaluate(classes))).as(rule.getDescription()).isEqualTo(expected);
        }
        assertThat(ServiceArchitecture.rules(VIOLATING)).extracting(ArchRule::getDescription)
                .as("every rule named above exists").containsAll(offenders.keySet());
    }

    /**
     * What a service without a servlet stack or a database (the gateway) applies: the rules on feature
     * packages, Kafka listener names and wiring, each the very rule the servlet services apply, and none of
     * those over controllers, repositories or SQL.
     */
    @Test
    void theStructuralRulesAreThoseOnPackagesListenersAndWiring() {
        assertThat(ServiceArchitecture.structuralRules(VIOLATING)).extracting(ArchRule::getDescription)
                .containsExactly("feature packages do not depend on each other in a cycle",
                        "a *Listener listens to Kafka", "Kafka listeners are named *Listener",
                        "Kafka listener classes are named *Listener", WIRING)
                .isSubsetOf(ServiceArchitecture.rules(VIOLATING).stream().map(ArchRule::getDescription).toList());
        JavaClasses classes = new ClassFileImporter().importPackages(VIOLATING);
        for (ArchRule rule : ServiceArchitecture.structuralRules(VIOLATING)) {
            assertThat(rule.evaluate(classes).hasViolation()).as(rule.getDescription()).isTrue();
        }
    }

    @Test
    void aRootWithoutClassesIsRefusedRatherThanPassed() {
        assertThatThrownBy(() -> ServiceArchitecture.of("dev.pausepoint.nosuchservice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dev.pausepoint.nosuchservice");
    }

    private static Set<String> offendersOf(EvaluationResult result) {
        Set<String> names = new TreeSet<>();
        for (String line : result.getFailureReport().getDetails()) {
            Matcher offender = OFFENDER.matcher(line);
            assertThat(offender.find()).as("a violation names its class: " + line).isTrue();
            names.add(offender.group(1));
        }
        return names;
    }
}
