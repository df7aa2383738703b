package dev.pausepoint.benchmark.curves;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every size the curves vary, so a run can be small while the code is developed and full once for the
 * report. {@code --quick} takes the small sizes; {@code --curve-sizes=stored:0/20000,waiters:300} overrides
 * any of them (lists with slashes). {@code load} is how long each load measurement runs.
 *
 * @param stored pauses already in pause-service's table when creates, lists and polls are measured
 * @param expiring pauses made to expire in the same second, one batch per size
 * @param waiters long-polls parked at once (in four steps, for memory per waiter)
 * @param deliveries webhook deliveries in the backlog, one backlog per size
 * @param instances pause-service instances behind one gateway
 */
public record CurveSizes(List<Long> stored, List<Long> expiring, long waiters, List<Long> deliveries, List<Long> instances,
        Duration load) {

    public static CurveSizes full() {
        return new CurveSizes(List.of(0L, 1_000_000L, 5_000_000L), List.of(1_000L, 10_000L, 50_000L), 10_000,
                List.of(5_000L, 25_000L, 100_000L), List.of(1L, 2L, 4L), Duration.ofSeconds(15));
    }

    public static CurveSizes quick() {
        return new CurveSizes(List.of(0L, 20_000L, 100_000L), List.of(500L, 1_000L, 5_000L), 500,
                List.of(1_000L, 5_000L), List.of(1L, 2L), Duration.ofSeconds(4));
    }

    /** {@code base} with the sizes named in {@code overrides} ({@code name:a/b/c,name:n}) replaced. */
    public static CurveSizes parse(CurveSizes base, String overrides) {
        CurveSizes sizes = base;
        for (String part : overrides.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] named = part.strip().split(":", 2);
            if (named.length != 2) {
                throw new IllegalArgumentException("--curve-sizes wants name:a/b/c, got " + part);
            }
            List<Long> values = Stream.of(named[1].split("/")).map(String::strip).map(Long::parseLong).toList();
            sizes = switch (named[0].strip()) {
                case "stored" -> new CurveSizes(values, sizes.expiring, sizes.waiters, sizes.deliveries, sizes.instances,
                        sizes.load);
                case "expiring" -> new CurveSizes(sizes.stored, values, sizes.waiters, sizes.deliveries, sizes.instances,
                        sizes.load);
                case "waiters" -> new CurveSizes(sizes.stored, sizes.expiring, values.get(0), sizes.deliveries,
                        sizes.instances, sizes.load);
                case "deliveries" -> new CurveSizes(sizes.stored, sizes.expiring, sizes.waiters, values, sizes.instances,
                        sizes.load);
                case "instances" -> new CurveSizes(sizes.stored, sizes.expiring, sizes.waiters, sizes.deliveries, values,
                        sizes.load);
                case "load" -> new CurveSizes(sizes.stored, sizes.expiring, sizes.waiters, sizes.deliveries,
                        sizes.instances, Duration.ofSeconds(values.get(0)));
                default -> throw new IllegalArgumentException("--curve-sizes: no size named " + named[0]);
            };
        }
        return sizes;
    }

    /** The sizes as the report prints them. */
    public String describe() {
        return "stored %s; expiring %s; waiters %,d; deliveries %s; instances %s; %d s per load measurement".formatted(
                stored, expiring, waiters, deliveries, instances, load.toSeconds());
    }
}
