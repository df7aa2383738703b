package dev.pausepoint.benchmark.curves;

import dev.pausepoint.benchmark.Client;
import dev.pausepoint.benchmark.JitSettling;
import dev.pausepoint.localstack.Service;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Long-polls parked at once ({@code GET /v1/pause/{id}?wait=30} through the gateway, each on a pending test
 * pause of its own): the memory of pause-service and the gateway as the waiters grow in twenty steps, then the
 * wake latency when every pause is answered at once. Waits are parked in the gateway; pause-service answers
 * each read at once. The pauses are seeded by SQL and answered in one transaction that also writes, for each,
 * the {@code pause.responded} event pause-service writes to its outbox on a response (for a developer id of
 * no account, so no webhook is sent), so the wake figure is the whole wake path: the outbox relay, Kafka, the
 * gateway's pause-events consumer, its batched read of the woken pauses from pause-service and the client. A waiter whose wait ends
 * while its pause is still pending asks again at once, as a client would, so the waiters stay parked however
 * long the steps take. Where pause-service runs out of memory before all are parked, it is restarted and the
 * wake is measured with as many waiters as it held alive. When the machine's limit on open files is too low
 * for every waiter in one gateway, a second gateway is started and the waiters are split between them, as a
 * load balancer would, and their memory and waiters are summed. Before the measured wake, a twentieth as
 * many more waiters are parked and woken in rounds until the JIT compilers have settled.
 *
 * <p>Each waiter is a kept-alive connection of the curve's own lean client ({@link WaiterConnections}), and
 * its wake is timed when the answer's last byte is read. The wake's timeline is noted beside the figures:
 * when pause-service's outbox relay took the first and last events ({@link OutboxDrain}) and the first,
 * middle and last answers; the curve's gateway logs at debug when it heard the events and read the woken
 * pauses, and its access log when it wrote each answer.
 */
final class ParkedLongPolls extends CostCurve {

    static final String NAME = "parked-long-polls";
    /** Steps of a twentieth: enough points for a slope even where pause-service runs out of heap early. */
    private static final int STEPS = 20;
    /** The curve's gateways' heap: 10,000 parked waits at about 42 KB each and the gateway's own. */
    static final String GATEWAY_HEAP = "768m";

    /** The answers of the waiters, as they arrive. */
    private final Map<String, Long> woke = new ConcurrentHashMap<>();
    private final Map<String, Long> refusals = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private final List<Process> started = new ArrayList<>();
    /** Waiters of an earlier generation stop asking: raised when a phase of the curve ends. */
    private final AtomicInteger generation = new AtomicInteger();
    /** Every waiter's connection, by its pause. */
    private final Map<String, WaiterConnections.Connection> connections = new ConcurrentHashMap<>();
    private WaiterConnections waiters;

    /** A gateway the waiters go through: its address, process and management port. */
    private record Gateway(URI url, long pid, URI management) {
    }

    ParkedLongPolls(Bench bench) {
        super(NAME, bench);
    }

    @Override
    Curve measure() throws Exception {
        try (WaiterConnections connections = new WaiterConnections()) {
            waiters = connections;
            return measureWithWaiters();
        }
    }

    private Curve measureWithWaiters() throws Exception {
        long total = sizes.waiters();
        Series pauseRss = Series.of("pause-service RSS", "MiB", "%.0f");
        Series gatewayRss = Series.of("gateway RSS", "MiB", "%.0f");
        Series pauseHeap = Series.of("pause-service heap in use", "MiB", "%.0f");
        Series gatewayHeap = Series.of("gateway heap in use", "MiB", "%.0f");
        Series wakeP50 = Series.of("wake p50", "ms", "%.0f");
        Series wakeP99 = Series.of("wake p99", "ms", "%.0f");
        List<String> notes = new ArrayList<>();
        List<String> ids;
        try (Connection db = stack.connect(Service.PAUSE)) {
            ids = PauseRows.pending(db, developer.developerId, total, Instant.now().plus(Duration.ofHours(2)));
        }
        List<Gateway> gateways = gateways(total, notes);
        long parked = 0;
        long survived = -1;
        for (int step = 0; step <= STEPS; step++) {
            long target = total * step / STEPS;
            for (int i = (int) parked; i < target; i++) {
                park(gateways.get(i % gateways.size()).url(), ids.get(i), generation.get());
            }
            parked = target;
            boolean reached = awaitParked(gateways, target);
            double pauseMiB = Metrics.rssMiB(stack, Service.PAUSE);
            if (!Metrics.alive(stack, Service.PAUSE)) {
                notes.add(("pause-service exited (see its log; with the default 192 MB heap, out of memory) while %,d "
                        + "waiters were being parked: the memory curve stops at %,d").formatted(target, survived));
                break;
            }
            survived = target;
            pauseRss = pauseRss.with(target, pauseMiB);
            gatewayRss = gatewayRss.with(target, gateways.stream().mapToDouble(one -> Metrics.rssMiB(one.pid())).sum());
            pauseHeap = pauseHeap.with(target, Metrics.heapMiB(stack, Service.PAUSE));
            gatewayHeap = gatewayHeap.with(target, gateways.stream().mapToDouble(one -> Metrics.heapMiB(one.management()))
                    .sum());
            progress("%,d waiters asked for, %.0f parked in the gateway".formatted(target, waiting(gateways)));
            if (!reached) {
                notes.add("%,d asked for, but the gateway reported only %.0f parked after a minute".formatted(target,
                        waiting(gateways)));
            }
        }
        long woken = total;
        if (!Metrics.alive(stack, Service.PAUSE)) {
            generation.incrementAndGet();
            progress("restarting pause-service...");
            stack.fleet().restart(Service.PAUSE);
            stack.fleet().awaitHealthy(Duration.ofMinutes(3), status -> progress("waiting for pause-service: " + status));
            // The wake is then measured with as many waiters as the memory curve reached alive, on fresh pauses.
            woken = Math.max(0, survived);
            try (Connection db = stack.connect(Service.PAUSE)) {
                ids = PauseRows.pending(db, developer.developerId, woken, Instant.now().plus(Duration.ofHours(2)));
            }
            for (int i = 0; i < ids.size(); i++) {
                park(gateways.get(i % gateways.size()).url(), ids.get(i), generation.get());
            }
            awaitParked(gateways, woken);
            notes.add("after the restart, %,d waiters (the most that stayed alive) were parked again on fresh pauses "
                    .formatted(woken) + "for the wake figure");
        }
        if (woken > 0 && Metrics.alive(stack, Service.PAUSE)) {
            warmUpTheWake(gateways, woken, notes);
            Histogram wake = answerAll(ids, notes);
            if (wake.getTotalCount() > 0) {
                wakeP50 = wakeP50.with(woken, wake.getValueAtPercentile(50) / 1000.0);
                wakeP99 = wakeP99.with(woken, wake.getValueAtPercentile(99) / 1000.0);
            }
            notes.add("after every waiter was answered: pause-service RSS %.0f MiB, gateway RSS %.0f MiB".formatted(
                    Metrics.rssMiB(stack, Service.PAUSE), gateways.stream().mapToDouble(one -> Metrics.rssMiB(one.pid()))
                            .sum()));
        }
        generation.incrementAndGet();
        started.forEach(stack.fleet()::stopAnother);
        if (!Metrics.alive(stack, Service.PAUSE)) {
            // The curves after this one need it.
            progress("restarting pause-service...");
            stack.fleet().restart(Service.PAUSE);
            stack.fleet().awaitHealthy(Duration.ofMinutes(3), status -> progress("waiting for pause-service: " + status));
        }
        notes.add("refused waits (status: count), each asked again after 1 s: %s; failed requests: %d".formatted(
                refusals, failures.get()));
        List<Verdict> verdicts = new ArrayList<>();
        for (Series memory : List.of(pauseRss, gatewayRss)) {
            if (memory.points().size() >= 2) {
                verdicts.add(Shape.linear(memory, 1.5));
                notes.add("%s per waiter: %.1f KiB (least-squares slope)".formatted(memory.label(),
                        Shape.Fit.of(memory.points()).slope() * 1024));
            }
        }
        verdicts.add(Shape.atMost(wakeP99, total, 1000, "with %,d waiters".formatted(total)));
        if (woken != total && woken > 0) {
            verdicts.add(Shape.atMost(wakeP99, woken, 1000, "with %,d waiters (as many as stayed alive)".formatted(woken)));
        }
        return new Curve(NAME, "Parked long-polls: memory and wake latency", "long-polls parked", "%,.0f",
                "memory linear and small per waiter; wake p99 under 1 s with 10,000 parked",
                List.of(pauseRss, gatewayRss, pauseHeap, gatewayHeap, wakeP50, wakeP99), verdicts, notes);
    }

    /**
     * Gateways of the curve's own, started with a heap of {@link #GATEWAY_HEAP} (the stack's 192 MB would
     * hold about 1,800 parked waits at the cap's share): one, or two when one gateway's socket per waiter
     * would pass the limit on open files (processes started from this one inherit it).
     */
    private List<Gateway> gateways(long total, List<String> notes) throws InterruptedException {
        long limit = Metrics.openFilesLimit();
        int count = limit > 0 && total + 2_000 > limit ? 2 : 1;
        List<Gateway> gateways = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int port = FreePorts.next();
            int management = FreePorts.next();
            // Its log says when it heard the events, read the woken pauses and collected garbage (the wake's timeline).
            Process gateway = stack.fleet().startAnother(Service.GATEWAY, port, management,
                    Map.of("LOGGING_LEVEL_DEV_PAUSEPOINT_GATEWAY_LONGPOLL", "DEBUG"),
                    List.of("-Xmx" + GATEWAY_HEAP, "-Xlog:gc:stdout:utctime"));
            started.add(gateway);
            URI url = URI.create("http://localhost:" + port);
            PauseInstances.awaitOk(client, url.resolve("/health"));
            gateways.add(new Gateway(url, gateway.pid(), URI.create("http://localhost:" + management)));
        }
        notes.add(("the waiters went through %d gateway(s) of their own with -Xmx%s (the stack's have 192 MB), each on "
                + "a kept-alive connection of the curve's own client; a wake is timed when its answer's last byte is read")
                .formatted(count, GATEWAY_HEAP));
        if (count > 1) {
            notes.add(("The machine allows %,d open files a process, fewer than one gateway needs for %,d waiters, so "
                    + "the waiters were split between two; the gateway figures are the sum of both.").formatted(limit,
                    total));
        }
        return gateways;
    }

    /**
     * With the curve's waiters parked, parks and wakes a twentieth as many more, again and again, until the
     * JIT compilers of the curve's gateways and pause-service have settled ({@link JitSettling}): the
     * gateways are new JVMs, and the stack's warm-up never wakes a long-poll, so the measured wake would
     * otherwise run in code C2 has not compiled yet, where a production gateway wakes waiters all day. After
     * the memory steps, so the warm-up's garbage and connections are not in the memory curve; its
     * connections are closed before the measured wake.
     */
    private void warmUpTheWake(List<Gateway> gateways, long parked, List<String> notes) {
        Map<String, Long> processes = new LinkedHashMap<>();
        for (int i = 0; i < gateways.size(); i++) {
            processes.put("gateway " + (i + 1), gateways.get(i).pid());
        }
        processes.put("pause-service", stack.fleet().pids().get(Service.PAUSE));
        long count = Math.max(100, sizes.waiters() / 20);
        JitSettling.Outcome outcome = JitSettling.of(processes).warm(warmUpLimit, () -> {
            try {
                List<String> ids;
                try (Connection db = stack.connect(Service.PAUSE)) {
                    ids = PauseRows.pending(db, developer.developerId, count, Instant.now().plus(Duration.ofHours(2)));
                }
                for (int i = 0; i < ids.size(); i++) {
                    park(gateways.get(i % gateways.size()).url(), ids.get(i), generation.get());
                }
                awaitParked(gateways, parked + count);
                answerAll(ids, new ArrayList<>());
                ids.forEach(id -> {
                    woke.remove(id);
                    WaiterConnections.Connection connection = connections.remove(id);
                    if (connection != null) {
                        connection.close();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException("the wake's warm-up failed", e);
            }
        });
        notes.add("before the wake, %,d more waiters were parked and woken in rounds until the compilers settled: %s"
                .formatted(count, outcome.describe()));
    }

    /**
     * One waiter: asks again while its pause is pending (or its wait was refused), until it is answered, on a
     * connection of its own ({@link WaiterConnections}).
     */
    private void park(URI gateway, String id, int born) {
        if (generation.get() != born) {
            return;
        }
        WaiterConnections.Connection connection = connections.computeIfAbsent(id,
                ignored -> waiters.connection(gateway.getHost(), gateway.getPort()));
        byte[] request = ("GET /v1/pause/" + id + "?wait=30 HTTP/1.1\r\nHost: " + gateway.getHost() + ":"
                + gateway.getPort() + "\r\nAuthorization: Bearer " + developer.testKey + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        connection.ask(request, answer -> {
            if (answer.status() == 200) {
                if (!"pending".equals(Client.JSON.readTree(answer.body()).path("status").asString())) {
                    woke.put(id, answer.arrivedNanos());
                } else {
                    park(gateway, id, born);
                }
                return;
            }
            refusals.merge(String.valueOf(answer.status()), 1L, Long::sum);
            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> park(gateway, id, born));
        }, failure -> {
            failures.incrementAndGet();
            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> park(gateway, id, born));
        });
    }

    /** Waits parked now, over the gateways. */
    private double waiting(List<Gateway> gateways) {
        return gateways.stream().mapToDouble(one -> Metrics.gauge(one.management(), "pausepoint_longpoll_waiters", ""))
                .sum();
    }

    /** Until the gateways report {@code target} parked (a few may be between two waits), at most a minute. */
    private boolean awaitParked(List<Gateway> gateways, long target) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && Metrics.alive(stack, Service.PAUSE)) {
            if (waiting(gateways) >= target * 0.99) {
                sleep(Duration.ofSeconds(2));
                return true;
            }
            sleep(Duration.ofMillis(500));
        }
        return false;
    }

    private List<Long> woken(List<String> ids) {
        return ids.stream().map(woke::get).filter(Objects::nonNull).toList();
    }

    /** Answers every pause in one transaction with its outbox event; microseconds from the commit to each wake. */
    private Histogram answerAll(List<String> ids, List<String> notes) throws Exception {
        long committing;
        try (Connection db = stack.connect(Service.PAUSE)) {
            db.setAutoCommit(false);
            try (PreparedStatement answer = db.prepareStatement("UPDATE pause SET status = 'responded', "
                    + "response_choice = 'Approve', response_at = now() WHERE id = ANY (?) AND status = 'pending'");
                    PreparedStatement events = db.prepareStatement("""
                            INSERT INTO outbox_event (event_id, topic, record_key, payload)
                            SELECT 'evt_' || gen_random_uuid(), 'pause.events.v1', id, json_build_object(
                                'type', 'pause.responded', 'event_id', 'evt_' || gen_random_uuid(),
                                'occurred_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                'schema_version', 1, 'pause_id', id, 'developer_id', 'dev_benchmark_no_account',
                                'livemode', false, 'choice', 'Approve', 'text', NULL,
                                'response_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                'metadata', NULL, 'actor_ip', NULL, 'user_agent', NULL)::text
                            FROM unnest(?::text[]) AS id""")) {
                answer.setArray(1, db.createArrayOf("text", ids.toArray()));
                answer.executeUpdate();
                events.setArray(1, db.createArrayOf("text", ids.toArray()));
                events.executeUpdate();
            }
            try (Statement notice = db.createStatement()) {
                // What pause-service's own commit does (OutboxRelay's channel): the relay is told of the rows
                // at once (delivered on commit), instead of finding them at its next poll, up to 0.5 s later.
                notice.execute("NOTIFY outbox_relay");
            }
            committing = System.nanoTime();
            db.commit();
        }
        long committedAt = System.currentTimeMillis();
        OutboxDrain drain = OutboxDrain.watch(stack, committing, ids.size());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (woken(ids).size() < ids.size() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
        }
        drain.stop();
        Histogram micros = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        List<Long> woken = woken(ids);
        woken.forEach(at -> micros.recordValue(Math.max(0, (at - committing) / 1000)));
        notes.add("%,d of %,d waiters answered with the new status within 90 s of the commit".formatted(woken.size(),
                ids.size()));
        if (!woken.isEmpty()) {
            long first = woken.stream().mapToLong(Long::longValue).min().orElseThrow();
            long last = woken.stream().mapToLong(Long::longValue).max().orElseThrow();
            notes.add(("timeline from the commit (at %s): %s; first answer %.2f s, p50 %.2f s, last answer %.2f s")
                    .formatted(Instant.ofEpochMilli(committedAt), drain.describe(), (first - committing) / 1e9,
                            micros.getValueAtPercentile(50) / 1e6, (last - committing) / 1e9));
        }
        return micros;
    }
}
