package dev.pausepoint.gateway.longpoll;

import dev.pausepoint.gateway.longpoll.WokenPausesClient.Answers;
import dev.pausepoint.gateway.longpoll.WokenPausesClient.Wanted;
import dev.pausepoint.identity.CallerIdentity;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * The reads of woken long-polls, gathered into one call to pause-service per batch
 * ({@link WokenPausesClient}) instead of one proxied read each: a change to 10,000 waited-on pauses in
 * one transaction would otherwise start 10,000 reads at once (docs/api-decisions.md, "Pauses").
 *
 * <p>A read waits at most {@code window} for others to join it, or until {@code batchSize} are
 * waiting, whichever comes first; the wakes of one consumer poll arrive together, so they share calls.
 * At most {@code maxCalls} calls are in flight: reads that arrive meanwhile wait for one to finish and
 * then go together, so a wake storm becomes a few large calls rather than many connections, and the
 * waiting reads are bounded by the waits parked here. Waiters of the same pause in the same world share
 * one entry.
 *
 * <p>A read that the call does not answer (unknown, another developer's or mode's pause, pause-service
 * failing or slow) completes empty: the waiter then reads the pause through its route as it did before.
 */
class WokenReads {

    private static final Logger log = LoggerFactory.getLogger(WokenReads.class);

    /** A woken waiter's pause and its world, as its reads are signed. */
    private record Read(Wanted wanted, MonoSink<WokenPause> sink) {
    }

    /** A pause as a read would give it: the headers of the read's answer and its body. */
    record WokenPause(HttpHeaders headers, byte[] body) {
    }

    private final WokenPausesClient pauseService;
    private final int batchSize;
    private final int maxCalls;
    private final Duration window;
    private final Scheduler timer;

    private final Object lock = new Object();
    private final ArrayDeque<Read> waiting = new ArrayDeque<>();
    private int calls;
    private boolean flushPlanned;

    WokenReads(WokenPausesClient pauseService, int batchSize, int maxCalls, Duration window, Scheduler timer) {
        this.pauseService = pauseService;
        this.batchSize = batchSize;
        this.maxCalls = maxCalls;
        this.window = window;
        this.timer = timer;
    }

    /** The pause as {@code caller} would read it now, or empty where only a read of its own can tell. */
    Mono<WokenPause> read(String pauseId, CallerIdentity caller) {
        return Mono.create(sink -> join(new Read(new Wanted(pauseId, caller.developerId(), caller.livemode()), sink)));
    }

    private void join(Read read) {
        List<List<Read>> ready;
        synchronized (lock) {
            waiting.add(read);
            if (waiting.size() < batchSize) {
                if (!flushPlanned) {
                    flushPlanned = true;
                    timer.schedule(this::flush, window.toNanos(), TimeUnit.NANOSECONDS);
                }
                return;
            }
            ready = takeReady();
        }
        ready.forEach(this::call);
    }

    private void flush() {
        List<List<Read>> ready;
        synchronized (lock) {
            flushPlanned = false;
            ready = takeReady();
        }
        ready.forEach(this::call);
    }

    /** Batches to send now, as many as calls may start; the rest wait for a call to finish. */
    private List<List<Read>> takeReady() {
        List<List<Read>> ready = new ArrayList<>();
        while (calls < maxCalls && !waiting.isEmpty()) {
            List<Read> batch = new ArrayList<>(Math.min(batchSize, waiting.size()));
            while (batch.size() < batchSize && !waiting.isEmpty()) {
                batch.add(waiting.poll());
            }
            calls++;
            ready.add(batch);
        }
        return ready;
    }

    private void call(List<Read> batch) {
        Map<Wanted, List<MonoSink<WokenPause>>> sinks = new LinkedHashMap<>();
        batch.forEach(read -> sinks.computeIfAbsent(read.wanted(), wanted -> new ArrayList<>(1)).add(read.sink()));
        List<Wanted> wanted = List.copyOf(sinks.keySet());
        long started = System.nanoTime();
        pauseService.read(wanted)
                .doOnSuccess(answers -> log.debug("Read {} woken pauses in one call in {} ms", wanted.size(),
                        (System.nanoTime() - started) / 1_000_000))
                .doFinally(signal -> finished())
                .subscribe(answers -> answer(wanted, sinks, answers), error -> {
                    log.warn("Reading {} woken pauses in one call failed; each is read on its own: {}", wanted.size(),
                            error.toString());
                    sinks.values().forEach(each -> each.forEach(MonoSink::success));
                });
    }

    private static void answer(List<Wanted> wanted, Map<Wanted, List<MonoSink<WokenPause>>> sinks, Answers answers) {
        for (int i = 0; i < wanted.size(); i++) {
            byte[] body = answers.bodies().get(i);
            for (MonoSink<WokenPause> sink : sinks.get(wanted.get(i))) {
                if (body == null) {
                    sink.success();
                } else {
                    sink.success(new WokenPause(answers.headers(), body));
                }
            }
        }
    }

    private void finished() {
        List<List<Read>> ready;
        synchronized (lock) {
            calls--;
            // What arrived while the calls were full goes now, however few: it has waited long enough.
            ready = takeReady();
        }
        ready.forEach(this::call);
    }
}
