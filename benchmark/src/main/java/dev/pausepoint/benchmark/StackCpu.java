package dev.pausepoint.benchmark;

import dev.pausepoint.localstack.Service;
import dev.pausepoint.testsupport.TestInfrastructure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's processes by name (the five services, Postgres, Kafka, Redis), each found by the port it
 * listens on, and the CPU each has used: sampled before and after some work, the difference divided by
 * the operations done is what one operation costs each process. The load generator (this JVM) is no
 * part of it.
 */
final class StackCpu {

    /** CPU milliseconds used so far, by process name, in {@link #pids()} order, and when they were read. */
    record Sample(Map<String, Double> millis, long nanoTime) {

        /**
         * What one of {@code operations} cost each process from {@code before} to this sample, less what
         * the process spends idle at {@code idle} (CPU milliseconds per second) over that time: the
         * heartbeats, polls and timers it runs whether or not there is work, which a rate of 1,000 a
         * second spreads thin. Never below zero.
         */
        Map<String, Double> perOperation(Sample before, long operations, Map<String, Double> idle) {
            double seconds = (nanoTime - before.nanoTime) / 1e9;
            Map<String, Double> per = new LinkedHashMap<>();
            millis.forEach((name, now) -> per.put(name, Math.max(0, now - before.millis.get(name)
                    - idle.getOrDefault(name, 0.0) * seconds) / Math.max(1, operations)));
            return per;
        }

        /** CPU milliseconds per second each process used from {@code before} to this sample. */
        Map<String, Double> ratePerSecond(Sample before) {
            double seconds = (nanoTime - before.nanoTime) / 1e9;
            Map<String, Double> rates = new LinkedHashMap<>();
            millis.forEach((name, now) -> rates.put(name, (now - before.millis.get(name)) / seconds));
            return rates;
        }
    }

    private final ProcessCpu cpu;
    private final Map<String, Long> pids;

    private StackCpu(ProcessCpu cpu, Map<String, Long> pids) {
        this.cpu = cpu;
        this.pids = pids;
    }

    /** The stack's processes that run on this machine; one run elsewhere (a named server) is left out. */
    static StackCpu of(Stack stack) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Service service : Service.api()) {
            ports.put(service.moduleName(), stack.port(service));
        }
        ports.put("Postgres", stack.postgres().port());
        String bootstrap = stack.kafka().bootstrapServers().split(",")[0];
        ports.put("Kafka", Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1)));
        ports.put("Redis", TestInfrastructure.redis().port());
        Map<String, Long> pids = new LinkedHashMap<>();
        ports.forEach((name, port) -> {
            Optional<Long> pid = ProcessCpu.listeningOn(port);
            // A server embedded in this JVM would be measured with the load generator: left out.
            pid.filter(found -> found != ProcessHandle.current().pid()).ifPresent(found -> pids.put(name, found));
        });
        return new StackCpu(ProcessCpu.ofThisMachine(), pids);
    }

    /** The processes measured, by name: their pids. */
    Map<String, Long> pids() {
        return pids;
    }

    /** The JIT compilers' CPU milliseconds so far, by process name ({@link ProcessCpu#compilerMillis}). */
    Map<String, Double> compilerMillis() {
        Map<String, Double> millis = new LinkedHashMap<>();
        pids.forEach((name, pid) -> millis.put(name, cpu.compilerMillis(pid)));
        return millis;
    }

    Sample sample() {
        Map<String, Double> millis = new LinkedHashMap<>();
        pids.forEach((name, pid) -> millis.put(name, cpu.millis(pid)));
        return new Sample(millis, System.nanoTime());
    }
}
