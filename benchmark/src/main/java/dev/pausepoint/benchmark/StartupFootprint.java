package dev.pausepoint.benchmark;

/**
 * How long the stack took to become healthy and how much memory every process holds right after: taken
 * once, as soon as the stack is up and before any load, so it is reported whatever {@code --only} says.
 */
final class StartupFootprint {

    private final Stack stack;
    private final Report report;

    StartupFootprint(Stack stack, Report report) {
        this.stack = stack;
        this.report = report;
    }

    void measure() {
        double seconds = stack.startup().toNanos() / 1e9;
        long services = stack.fleet().pids().values().stream().mapToLong(ProcessMemory::rssKb).sum();
        // Everything running: the services, Postgres and Redis processes, the Kafka broker (its own process,
        // or inside this JVM when one outside is named), and this JVM with the load generator. Postgres
        // backends share memory, so this over-counts.
        long kafka = stack.kafkaPid().stream().map(ProcessMemory::rssKb).mapToLong(Long::longValue).sum();
        long all = services + kafka + ProcessMemory.rssKb(ProcessHandle.current().pid()) + ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")
                        || command.endsWith("/redis-server")).orElse(false))
                .mapToLong(process -> ProcessMemory.rssKb(process.pid())).sum();
        report.figure("services from start to /health ok (Kafka, Postgres, Redis already up)", "%.0f s", seconds,
                "≤ 60 s for the whole stack from cold", seconds <= 60);
        report.figure("memory of every process at start (RSS, load generator included)", "%.0f MiB", all / 1024.0,
                "≤ 2.5 GiB", all / 1024.0 <= 2560);
        report.note("  the five services: %.0f MiB".formatted(services / 1024.0));
    }
}
