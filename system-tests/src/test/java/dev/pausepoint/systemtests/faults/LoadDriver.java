package dev.pausepoint.systemtests.faults;

import dev.pausepoint.systemtests.faults.GatewayClient.Reply;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client at a fixed rate through the gateway: creates live SMS pauses, answers some on their
 * response link and cancels others, recording every request with the phase it was sent in and what
 * came back (a status, or none at all when the connection failed).
 */
final class LoadDriver implements AutoCloseable {

    /** One request: when it was sent, in which phase, and its status (-1: no answer) and error code. */
    record Outcome(String phase, String action, long sentAt, int status, String error) {
    }

    /** A pause the driver got a 201 for, and what it did with it. */
    static final class Tracked {
        final String pauseId;
        final String respondUrl;
        final String phase;
        volatile String outcome;

        Tracked(String pauseId, String respondUrl, String phase) {
            this.pauseId = pauseId;
            this.respondUrl = respondUrl;
            this.phase = phase;
        }

        String token() {
            return respondUrl.substring(respondUrl.lastIndexOf('/') + 1);
        }
    }

    private final GatewayClient client;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService workers = Executors.newFixedThreadPool(24);
    private final List<Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Tracked> pauses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Tracked> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile String phase = "warm-up";

    LoadDriver(GatewayClient client) {
        this.client = client;
    }

    void start(int perSecond) {
        ticks.scheduleAtFixedRate(() -> workers.execute(this::act), 0, 1000 / perSecond, TimeUnit.MILLISECONDS);
    }

    void phase(String name) {
        phase = name;
    }

    /** Stops sending and waits for the requests in flight. */
    void stop() throws InterruptedException {
        ticks.shutdown();
        ticks.awaitTermination(5, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
    }

    private void act() {
        double roll = ThreadLocalRandom.current().nextDouble();
        Tracked next = pending.size() < 3 || roll < 0.45 ? null : pending.poll();
        if (next == null) {
            create();
        } else if (roll < 0.75) {
            answer(next);
        } else {
            cancel(next);
        }
    }

    private void create() {
        int n = sequence.incrementAndGet();
        String body = """
                {"recipient": "+1415555%04d", "channel": "sms", "message": "Fault suite pause %d: go ahead?",
                 "options": ["Yes", "No"]}""".formatted(100 + n % 100, n);
        String sentIn = phase;
        Reply reply = send(sentIn, "create", "POST", "/v1/pause", body, true);
        if (reply.status() == 201) {
            Tracked pause = new Tracked(reply.field("pause_id"), reply.field("respond_url"), sentIn);
            pauses.put(pause.pauseId, pause);
            pending.add(pause);
        }
    }

    private void answer(Tracked pause) {
        Reply reply = send(phase, "answer", "POST", "/v1/respond/" + pause.token(), "{\"choice\": \"Yes\"}", false);
        pause.outcome = reply.status() == 200 ? "answered" : "answer got " + reply.status();
    }

    private void cancel(Tracked pause) {
        Reply reply = send(phase, "cancel", "DELETE", "/v1/pause/" + pause.pauseId, null, true);
        pause.outcome = reply.status() == 200 ? "cancelled" : "cancel got " + reply.status();
    }

    /** Sends one request of the load and records it under {@code sentIn}. */
    private Reply send(String sentIn, String action, String method, String path, String json, boolean withKey) {
        long sentAt = System.nanoTime();
        Reply reply = client.send(method, path, json, withKey);
        outcomes.add(new Outcome(sentIn, action, sentAt, reply.status(), reply.field("error")));
        return reply;
    }

    List<Outcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    Collection<Tracked> pauses() {
        return pauses.values();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
