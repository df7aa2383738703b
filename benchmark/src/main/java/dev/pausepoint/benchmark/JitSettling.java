package dev.pausepoint.benchmark;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Repeats a round of load until the JIT compilers of the measured processes have settled: each spent at
 * most {@link #SETTLED_MILLIS_PER_SECOND} of compiler CPU per second over the last round, or the time
 * allowed ran out. The services run with full tiered compilation, as in production (docs/benchmark.md,
 * "What a run sets up"), and C2 compiles their hot paths over the first minutes of load: CPU spent then
 * would be counted in the first figures as if the operations cost it, and throughput measured while two
 * cores also compile is not the stack's. A fixed warm-up would be too short on a slow machine and wasted
 * on a fast one; this one ends when the compilers say so, and says how long it took.
 */
public final class JitSettling {

    /**
     * A bound, not the usual length: the stack settled in 235–365 s here, and a slower machine gets room
     * before the report says {@code NOT settled}.
     */
    public static final Duration AT_MOST = Duration.ofMinutes(10);

    /** How long a run's warm-ups may repeat: {@link #AT_MOST}, or one round for a {@code --quick} smoke run. */
    public static Duration limit(boolean quick) {
        return quick ? Duration.ZERO : AT_MOST;
    }

    /** 2.5 % of one core: at 800 creates a second, at most 0.03 ms of compilation in a process's figure per create. */
    static final double SETTLED_MILLIS_PER_SECOND = 25;

    /** How long the rounds took, and each process's compiler CPU (ms per second) over the last one. */
    public record Outcome(Duration took, Map<String, Double> lastRound) {

        public boolean settled() {
            return lastRound.values().stream().allMatch(rate -> rate <= SETTLED_MILLIS_PER_SECOND);
        }

        /** For the report: "settled after 140 s (compilers' ms of CPU per second in the last round: gateway 3, ...)". */
        public String describe() {
            return "%s after %d s (compilers' ms of CPU per second in the last round, settled at ≤ %.0f: %s)".formatted(
                    settled() ? "settled" : "NOT settled", took.toSeconds(), SETTLED_MILLIS_PER_SECOND,
                    lastRound.entrySet().stream().map(rate -> "%s %.0f".formatted(rate.getKey(), rate.getValue()))
                            .collect(Collectors.joining(", ")));
        }
    }

    private final Map<String, Long> processes;
    private final ToDoubleFunction<Long> compilerMillis;
    private final LongSupplier nanoTime;

    /** {@code processes} by name and pid, in the report's order; {@code compilerMillis} reads one's compiler CPU so far. */
    JitSettling(Map<String, Long> processes, ToDoubleFunction<Long> compilerMillis, LongSupplier nanoTime) {
        this.processes = Collections.unmodifiableMap(new LinkedHashMap<>(processes));
        this.compilerMillis = compilerMillis;
        this.nanoTime = nanoTime;
    }

    /** The processes of this machine by name and pid, read from {@code /proc}; one that is no JVM reads zero. */
    public static JitSettling of(Map<String, Long> processes) {
        ProcessCpu cpu = ProcessCpu.ofThisMachine();
        return new JitSettling(processes, cpu::compilerMillis, System::nanoTime);
    }

    /** Runs {@code round} at least once, and again while a compiler is busy and {@code atMost} has not passed. */
    public Outcome warm(Duration atMost, Runnable round) {
        long start = nanoTime.getAsLong();
        while (true) {
            Map<String, Double> before = read();
            long from = nanoTime.getAsLong();
            round.run();
            long now = nanoTime.getAsLong();
            double seconds = Math.max(1e-9, (now - from) / 1e9);
            Map<String, Double> after = read();
            Map<String, Double> rates = new LinkedHashMap<>();
            after.forEach((name, millis) -> rates.put(name, (millis - before.get(name)) / seconds));
            Outcome outcome = new Outcome(Duration.ofNanos(now - start), rates);
            if (outcome.settled() || now - start >= atMost.toNanos()) {
                return outcome;
            }
        }
    }

    private Map<String, Double> read() {
        Map<String, Double> millis = new LinkedHashMap<>();
        processes.forEach((name, pid) -> millis.put(name, compilerMillis.applyAsDouble(pid)));
        return millis;
    }
}
