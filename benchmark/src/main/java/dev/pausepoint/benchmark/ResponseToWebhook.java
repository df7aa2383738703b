package dev.pausepoint.benchmark;

import java.util.List;

/**
 * From a human's answer through {@code /v1/respond} at 100 /s to the {@code pause.responded} webhook
 * arriving at the receiver, through response-service, pause-service, Kafka and delivery-service.
 */
final class ResponseToWebhook extends Phase {

    private final Arrivals webhooks;

    ResponseToWebhook(Harness harness) {
        super("response to webhook", harness);
        this.webhooks = Arrivals.webhooks(stack.outside(), "pause.responded");
    }

    @Override
    void run() {
        System.out.println("human response to webhook at 100/s...");
        int count = 100 * (int) options.phase(20).toSeconds();
        List<String[]> pauses = developer.createMany(count);
        List<String> ids = pauses.stream().map(pause -> pause[0]).toList();
        Load.Result answered = load.open(100, options.phase(20), i -> {
            String[] pause = pauses.get((int) (i % pauses.size()));
            webhooks.started(pause[0], System.nanoTime());
            return developer.answerRequest(pause[1]);
        }, null);
        webhooks.await(ids, answered.ok());
        var latencies = webhooks.latencies();
        double p99 = latencies.getValueAtPercentile(99) / 1000.0;
        report.figure("human response → webhook received, p99 at 100 /s", "%.0f ms", p99, "≤ 200 ms", p99 <= 200);
        report.note("  p50 %.0f ms, max %.0f ms; %d webhooks for %d answers %s".formatted(
                latencies.getValueAtPercentile(50) / 1000.0, latencies.getMaxValue() / 1000.0,
                latencies.getTotalCount(), answered.ok(), answered.outcomes()));
        report.note("  of which the answer call itself: p50 %.1f ms, p99 %.1f ms".formatted(answered.millis(50),
                answered.millis(99)));
    }
}
