package dev.pausepoint.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void aFullRunTakesEachPhaseAtItsLength() {
        Options options = Options.parse(new String[0]);

        assertThat(options.quick()).isFalse();
        assertThat(options.only()).isEmpty();
        assertThat(options.phase(60)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void quickTakesASixthOfEachPhaseButAtLeastThreeSeconds() {
        Options options = Options.parse(new String[] {"--quick"});

        assertThat(options.phase(60)).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.phase(20)).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.phase(10)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void onlyNamesPhasesWithDashesForSpacesAcrossOneOrMoreArguments() {
        Options options = Options.parse(new String[] {"--only=create-throughput, gateway-overhead,", "--only=JDBC-baseline"});

        assertThat(options.only()).isEqualTo(Set.of("create-throughput", "gateway-overhead", "JDBC-baseline"));
    }

    @Test
    void onlyRunsTheNamedPhasesAndStillWarmsUpAndSettles() {
        Options options = Options.parse(new String[] {"--only=gateway-overhead"});

        assertThat(options.runs("gateway overhead")).isTrue();
        assertThat(options.runs("create throughput")).isFalse();
        assertThat(options.runs(WarmUp.NAME)).isTrue();
        assertThat(options.runs(Settling.NAME)).isTrue();
    }

    @Test
    void withoutOnlyEveryPhaseRuns() {
        assertThat(Options.parse(new String[] {"--quick"}).runs("timeout lateness")).isTrue();
    }

    @Test
    void curvesRunsEveryCurveOrTheNamedOnesAndKeepsTheArguments() {
        assertThat(Options.parse(new String[] {"--quick"}).curves()).isEmpty();
        assertThat(Options.parse(new String[] {"--curves"}).curves()).contains(Set.of());
        Options named = Options.parse(new String[] {"--curves=sweeper-batch, stored-pauses", "--curve-sizes=waiters:300"});

        assertThat(named.curves()).contains(Set.of("sweeper-batch", "stored-pauses"));
        assertThat(named.arguments()).containsExactly("--curves=sweeper-batch, stored-pauses", "--curve-sizes=waiters:300");
    }

    @Test
    void theDurablePostgresIsChosenByItsOption() {
        assertThat(Options.parse(new String[0]).durablePostgres()).isFalse();
        assertThat(Options.parse(new String[] {"--only=JDBC-baseline", "--durable-postgres"}).durablePostgres()).isTrue();
    }

    @Test
    void aQuickRunWarmsUpOneRoundAndAFullOneUntilTheCompilersSettle() {
        assertThat(Options.parse(new String[] {"--quick"}).warmUpLimit()).isZero();
        assertThat(Options.parse(new String[0]).warmUpLimit()).isEqualTo(JitSettling.AT_MOST);
    }
}
