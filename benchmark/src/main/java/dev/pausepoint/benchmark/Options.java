package dev.pausepoint.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The command line: {@code --quick} shortens every phase for a smoke run, {@code --only=a,b} runs the
 * warm-up, the settling pauses and the named phases alone (names as printed, spaces as dashes).
 * {@code --curves} (or {@code --curves=a,b}) runs the cost curves instead of the phases
 * (docs/benchmark/cost-curves.md); {@code arguments} are kept whole for the curves' own options and for
 * their report to print the command.
 */
record Options(boolean quick, Set<String> only, Optional<Set<String>> curves, List<String> arguments) {

    static Options parse(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        Set<String> only = names(args, "--only=");
        boolean curves = Stream.of(args).anyMatch(arg -> arg.equals("--curves") || arg.startsWith("--curves="));
        return new Options(quick, only, curves ? Optional.of(names(args, "--curves=")) : Optional.empty(),
                List.of(args));
    }

    /**
     * {@code --durable-postgres}: the stack's Postgres keeps what it commits ({@link DurablePostgres}) instead
     * of being the tests' throwaway server with {@code fsync} and {@code synchronous_commit} off.
     */
    boolean durablePostgres() {
        return arguments.contains("--durable-postgres");
    }

    /** How long each warm-up may repeat until the compilers settle ({@link JitSettling#limit}). */
    Duration warmUpLimit() {
        return JitSettling.limit(quick);
    }

    /** The comma-separated names of every argument starting with {@code option}. */
    private static Set<String> names(String[] args, String option) {
        return Stream.of(args).filter(arg -> arg.startsWith(option))
                .flatMap(arg -> Stream.of(arg.substring(option.length()).split(",")))
                .map(String::strip).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
    }

    /** How long a phase of {@code seconds} in a full run lasts in this one (a sixth, at least 3 s, when quick). */
    Duration phase(int seconds) {
        return Duration.ofSeconds(quick ? Math.max(3, seconds / 6) : seconds);
    }

    /** Whether the phase named {@code name} runs: the warm-up and settling always do, so a phase run alone is measured warm. */
    boolean runs(String name) {
        boolean always = name.equals(WarmUp.NAME) || name.equals(Settling.NAME);
        return only.isEmpty() || always || only.contains(name.replace(' ', '-'));
    }
}
