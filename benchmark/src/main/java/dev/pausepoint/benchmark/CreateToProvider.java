package dev.pausepoint.benchmark;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * From a live SMS create (with its quota call to billing-service) at 100 /s to the Twilio SDK's request
 * arriving at the stand-in, through the outbox, Kafka and delivery-service; timed per recipient.
 */
final class CreateToProvider extends Phase {

    private final Arrivals sms;

    CreateToProvider(Harness harness) {
        super("create to provider", harness);
        this.sms = new Arrivals(stack.outside(), request -> request.getUrl().endsWith("/Messages.json")
                ? Optional.ofNullable(formParam(request.getBodyAsString(), "To")) : Optional.empty());
    }

    @Override
    void run() {
        System.out.println("create to provider request at 100/s (live SMS through the Twilio SDK)...");
        List<String> recipients = new ArrayList<>();
        Load.Result created = load.open(100, options.phase(20), i -> {
            String to = "+1419" + (2000000 + i);
            synchronized (recipients) {
                recipients.add(to);
            }
            sms.started(to, System.nanoTime());
            return developer.createRequest(developer.liveKey, to, i);
        }, null);
        sms.await(recipients, created.ok());
        var latencies = sms.latencies();
        double p99 = latencies.getValueAtPercentile(99) / 1000.0;
        report.figure("create → provider request sent, p99 at 100 /s", "%.0f ms", p99, "≤ 200 ms", p99 <= 200);
        report.note("  p50 %.0f ms, max %.0f ms; %d of %d sent".formatted(latencies.getValueAtPercentile(50) / 1000.0,
                latencies.getMaxValue() / 1000.0, latencies.getTotalCount(), created.ok()));
        report.note("  of which the create call itself (live: quota reserved in billing-service): p50 %.1f ms, p99 %.1f ms"
                .formatted(created.millis(50), created.millis(99)));
    }

    private static String formParam(String body, String name) {
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
