package dev.pausepoint.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * CPU per operation per process ({@code /proc/<pid>/stat}, see {@link StackCpu}) for creates, answers
 * and polls, beside each process's budget per create ({@link CpuBudget}). Each operation is counted with
 * all the work it causes: the samples are taken before the load and after its fan-out has caught up
 * (the notification recorded for a create, the webhook received for an answer), so a process's share
 * of the asynchronous work is in its figure. What each process spends idle (measured first, with no
 * load) is taken out: it is no operation's cost, and 1,000 operations a second spread it thin. Creates run as the throughput phase does (64 in flight),
 * answers at 200 /s, polls 64 in flight.
 */
final class CpuPerOperation extends Phase {

    private final Arrivals webhooks;

    CpuPerOperation(Harness harness) {
        super("CPU per operation", harness);
        this.webhooks = Arrivals.webhooks(stack.outside(), "pause.responded");
    }

    @Override
    void run() throws Exception {
        System.out.println("CPU per operation...");
        StackCpu cpu = StackCpu.of(stack);
        Settling.awaitCaughtUp(stack, Duration.ofMinutes(2));
        StackCpu.Sample idleFrom = cpu.sample();
        Thread.sleep(options.phase(10).toMillis());
        Map<String, Double> idle = cpu.sample().ratePerSecond(idleFrom);

        StackCpu.Sample before = cpu.sample();
        Map<String, Double> compilingBefore = cpu.compilerMillis();
        Load.Result creates = load.closed(64, options.phase(20), i -> developer.createRequest(developer.testKey,
                "+1416" + (2000000 + i % 7000000), i));
        Settling.awaitCaughtUp(stack, Duration.ofMinutes(2));
        Map<String, Double> perCreate = cpu.sample().perOperation(before, creates.ok(), idle);
        Map<String, Double> compilingAfter = cpu.compilerMillis();

        int count = 200 * (int) options.phase(10).toSeconds();
        List<String[]> pauses = developer.createMany(count);
        Settling.awaitCaughtUp(stack, Duration.ofMinutes(2));
        before = cpu.sample();
        Load.Result answers = load.open(200, Duration.ofSeconds(count / 200), i -> {
            String[] pause = pauses.get((int) i);
            webhooks.started(pause[0], System.nanoTime());
            return developer.answerRequest(pause[1]);
        }, null);
        webhooks.await(pauses.stream().map(pause -> pause[0]).toList(), answers.ok());
        Map<String, Double> perAnswer = cpu.sample().perOperation(before, answers.ok(), idle);

        before = cpu.sample();
        Load.Result polls = load.closed(64, options.phase(10), i -> developer.pollRequest(pauses.get((int) (i % pauses.size()))[0]));
        Map<String, Double> perPoll = cpu.sample().perOperation(before, polls.ok(), idle);

        double total = perCreate.values().stream().mapToDouble(Double::doubleValue).sum();
        report.figure("CPU per created pause, every process of the stack", "%.2f ms", total, "≤ 1.8 ms",
                total <= 1.8);
        report.note("  per process, ms of CPU per operation (creates %d, answers %d, polls %d; %s):".formatted(
                creates.ok(), answers.ok(), polls.ok(), "answers " + answers.outcomes()));
        report.note("  %-18s %8s %8s %8s %8s %8s %8s".formatted("process", "create", "JIT", "budget", "answer",
                "poll", "idle/s"));
        double compiling = 0;
        for (String name : perCreate.keySet()) {
            double budget = CpuBudget.perCreate(name);
            double used = perCreate.get(name);
            double jit = (compilingAfter.get(name) - compilingBefore.get(name)) / Math.max(1, creates.ok());
            compiling += jit;
            report.note("  %-18s %8.3f %8.3f %8.2f %8.3f %8.3f %8.1f %s".formatted(name, used, jit, budget,
                    perAnswer.get(name), perPoll.get(name), idle.get(name), used <= budget ? "ok" : "OVER"));
        }
        report.note("  %-18s %8.3f %8.3f %8.2f %8.3f %8.3f %8.1f".formatted("total", total, compiling, CpuBudget.total(),
                perAnswer.values().stream().mapToDouble(Double::doubleValue).sum(),
                perPoll.values().stream().mapToDouble(Double::doubleValue).sum(),
                idle.values().stream().mapToDouble(Double::doubleValue).sum()));
        report.note("  (ms of CPU per operation with everything it caused, less each process's idle CPU over the"
                + " time; JIT: ms of the JIT compilers' CPU per create while the creates ran;"
                + " idle/s: ms of CPU per second with no load)");
    }
}
