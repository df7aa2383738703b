package dev.pausepoint.benchmark.curves;

import dev.pausepoint.benchmark.Client;
import dev.pausepoint.benchmark.Developer;
import dev.pausepoint.benchmark.JitSettling;
import dev.pausepoint.benchmark.Stack;
import dev.pausepoint.localstack.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The cost-curve run ({@code ./run-benchmark --curves}): on a stack started with {@link #environment()},
 * after the usual warm-up, runs the chosen curves in order, prints each as a table, and writes
 * {@code cost-curves.md} with a chart per curve to docs/benchmark/ (a {@code --quick} run, whose small
 * sizes are for developing the curves, writes to benchmark/target/cost-curves/ instead, unless
 * {@code --curves-out=} names a folder).
 */
public final class CostCurves {

    /**
     * In the order they run: the stored-pauses curve last, because the millions of rows it seeds stay and
     * would make every other curve one on a big table.
     */
    static final Map<String, Function<CostCurve.Bench, CostCurve>> CURVES = curves();

    private final List<String> chosen;
    private final CurveSizes sizes;
    private final Duration warmUpLimit;
    private final Path out;
    private final String command;

    private CostCurves(List<String> chosen, CurveSizes sizes, Duration warmUpLimit, Path out, String command) {
        this.chosen = chosen;
        this.sizes = sizes;
        this.warmUpLimit = warmUpLimit;
        this.out = out;
        this.command = command;
    }

    private static Map<String, Function<CostCurve.Bench, CostCurve>> curves() {
        Map<String, Function<CostCurve.Bench, CostCurve>> curves = new LinkedHashMap<>();
        curves.put(SweeperBatch.NAME, SweeperBatch::new);
        curves.put(WebhookBacklog.NAME, WebhookBacklog::new);
        curves.put(PauseInstances.NAME, PauseInstances::new);
        curves.put(ParkedLongPolls.NAME, ParkedLongPolls::new);
        curves.put(StoredPauses.NAME, StoredPauses::new);
        return curves;
    }

    /**
     * The run the command line asks for: {@code names} empty for every curve; {@code arguments} as given to
     * the benchmark, for {@code --curve-sizes=} and {@code --curves-out=} and to print the command.
     */
    public static CostCurves of(Set<String> names, boolean quick, List<String> arguments) {
        List<String> unknown = names.stream().filter(name -> !CURVES.containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no cost curve named " + unknown + "; there are " + CURVES.keySet());
        }
        List<String> chosen = CURVES.keySet().stream().filter(name -> names.isEmpty() || names.contains(name)).toList();
        CurveSizes sizes = quick ? CurveSizes.quick() : CurveSizes.full();
        Path root = Workspace.locate().root();
        Path out = root.resolve(quick ? "benchmark/target/cost-curves" : "docs/benchmark");
        for (String argument : arguments) {
            if (argument.startsWith("--curve-sizes=")) {
                sizes = CurveSizes.parse(sizes, argument.substring("--curve-sizes=".length()));
            } else if (argument.startsWith("--curves-out=")) {
                out = root.resolve(argument.substring("--curves-out=".length()));
            }
        }
        return new CostCurves(chosen, sizes, JitSettling.limit(quick), out,
                ("./run-benchmark " + String.join(" ", arguments)).strip());
    }

    /**
     * What the stack needs beyond the benchmark's usual settings: room for every parked long-poll (the caps
     * are per developer and per gateway; the parked-long-polls curve starts gateways of its own with a
     * larger heap, {@link ParkedLongPolls#GATEWAY_HEAP}), and webhook retries 2 s apart, so that a backlog's
     * deliveries that failed while the receiver was down come back within the run instead of 5 minutes later.
     */
    public Map<String, String> environment() {
        String room = String.valueOf(sizes.waiters() + 1_000);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LONG_POLL_MAX_PER_DEVELOPER", room);
        environment.put("LONG_POLL_MAX_PER_INSTANCE", room);
        environment.put("PAUSEPOINT_DELIVERY_WEBHOOKRETRYDELAYS", String.join(",", Collections.nCopies(20, "2s")));
        return environment;
    }

    private List<String> settings() {
        List<String> settings = new ArrayList<>();
        environment().forEach((name, value) -> settings.add("`" + name + "=" + value + "`"));
        settings.add("sizes: " + sizes.describe());
        return settings;
    }

    /** Runs the chosen curves on {@code stack}; one that breaks is reported as not measured. */
    public void run(Stack stack, Client client, Developer developer, String webhookUrl) throws IOException {
        CostCurve.Bench bench = new CostCurve.Bench(stack, client, developer, webhookUrl, sizes, warmUpLimit);
        CurveReport report = new CurveReport(command, context(), settings());
        Files.createDirectories(out);
        for (String name : chosen) {
            CostCurve curve = CURVES.get(name).apply(bench);
            CostCurve.progress(name + "...");
            long start = System.nanoTime();
            try {
                Curve measured = curve.measure();
                Chart.write(measured, out.resolve(Chart.fileName(measured)));
                report.add(measured);
                System.out.println();
                System.out.print(CurveReport.console(measured));
                System.out.printf("  (%.0f s)%n%n", (System.nanoTime() - start) / 1e9);
            } catch (Exception | AssertionError e) {
                e.printStackTrace();
                report.failed(name, e.toString());
                System.out.println(name + " could not be measured: " + e);
            }
            // Written after every curve, so a run stopped early still leaves what it measured.
            Files.writeString(out.resolve("cost-curves.md"), report.markdown(), StandardCharsets.UTF_8);
        }
        System.out.println("cost curves: report and charts in " + out);
    }

    private static String context() {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            load = "unknown";
        }
        return "Run %s UTC on %d cores with the load generator on the same machine, at commit %s; load average %s at the start."
                .formatted(Instant.now().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ').replace("Z", ""),
                        Runtime.getRuntime().availableProcessors(), commit(), load);
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").directory(
                    Workspace.locate().root().toFile()).redirectErrorStream(true).start();
            String described = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? "`" + described + "`" : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
