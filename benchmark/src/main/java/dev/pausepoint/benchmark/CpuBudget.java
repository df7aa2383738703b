package dev.pausepoint.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each process of the stack may spend on one created pause, with everything the create causes, in
 * CPU milliseconds: together at most 1.8 ms, the budget at which 1,000 creates a second fit on two cores
 * beside the load generator (performance.md). How the shares were chosen: docs/benchmark.md, "CPU budget".
 */
final class CpuBudget {

    private static final Map<String, Double> PER_CREATE = new LinkedHashMap<>();

    static {
        PER_CREATE.put("gateway", 0.40);
        PER_CREATE.put("pause-service", 0.45);
        PER_CREATE.put("delivery-service", 0.20);
        PER_CREATE.put("response-service", 0.05);
        PER_CREATE.put("billing-service", 0.05);
        PER_CREATE.put("Postgres", 0.35);
        PER_CREATE.put("Kafka", 0.25);
        PER_CREATE.put("Redis", 0.05);
    }

    private CpuBudget() {
    }

    static double perCreate(String process) {
        return PER_CREATE.getOrDefault(process, 0.0);
    }

    static double total() {
        return PER_CREATE.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
