package dev.pausepoint.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The command line: {@code --quick} shortens every phase for a smoke run, {@code --only=a,b} runs the
 * warm-up, the settling pauses and the named phases alone (names as printed, spaces as dashes).
 */
record Options(boolean quick, Set<String> only) {

    static Options parse(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        Set<String> only = Stream.of(args).filter(arg -> arg.startsWith("--only="))
                .flatMap(arg -> Stream.of(arg.substring("--only=".length()).split(",")))
                .map(String::strip).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
        return new Options(quick, only);
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
