package dev.pausepoint.delivery.webhook;

import dev.pausepoint.delivery.outbound.OutboundHttp;
import dev.pausepoint.delivery.outbound.UnsafeDestinationException;
import dev.pausepoint.delivery.schedule.DueWorkLoop;
import dev.pausepoint.delivery.schedule.InFlightCounts;
import dev.pausepoint.delivery.schedule.InFlightLimits;
import dev.pausepoint.delivery.schedule.Lease;
import dev.pausepoint.delivery.schedule.LeaseHolder;
import dev.pausepoint.delivery.schedule.RetrySchedule;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.identity.Hmac;
import dev.pausepoint.kit.tracing.Spans;
import dev.pausepoint.kit.tracing.TraceContext;
import io.micrometer.tracing.Span;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts due webhook deliveries. Each attempt builds the body afresh (its {@code timestamp} is the
 * attempt's), signs it with the endpoint's secret, and posts it asynchronously through the guarded
 * client. A 2xx within the client's 10 s is success; anything else (another status, a timeout, a
 * refused address) is retried on the schedule, then the delivery fails. Delivery is at least once:
 * receivers deduplicate by {@code X-PausePoint-Delivery}.
 *
 * <p>A post to an endpoint that never answers holds its slot for the full 10 s, so slots are shared
 * out: at most {@value #PER_ENDPOINT} posts per endpoint and {@link InFlightLimits#perDeveloper()} per
 * developer are in flight here, out of {@link InFlightLimits#total()}, and each claim serves the
 * developers with the fewest posts in flight first (see {@link WebhookDeliveryRepository#claimDue}). A
 * developer's dead endpoints therefore use up that developer's share and nobody else's.
 *
 * <p>Each post is a client span ({@code webhook post}) of the trace of the event that queued it, and
 * carries that span's {@code traceparent} to the receiver, which may join the trace or quote its id to
 * us (docs/tracing-and-logs.md).
 */
public class WebhookWorker extends DueWorkLoop<DueDelivery> {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    private static final Duration LEASE_LENGTH = Duration.ofMinutes(2);
    static final int PER_ENDPOINT = 4;
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int MAX_ERROR = 300;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookSecretBox secrets;
    private final OkHttpClient http;
    private final JsonMapper json;
    private final RetrySchedule schedule;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Lease lease;
    private final int perDeveloper;
    private final InFlightCounts byEndpoint = new InFlightCounts();
    private final InFlightCounts byDeveloper = new InFlightCounts();
    private final Spans spans;
    private final WebhookMetrics metrics;

    public WebhookWorker(WebhookDeliveryRepository deliveries, WebhookSecretBox secrets, OkHttpClient http,
            JsonMapper json, RetrySchedule schedule, TransactionTemplate transactions, Clock clock, Duration interval,
            InFlightLimits limits, LeaseHolder holder, Spans spans, WebhookMetrics metrics) {
        super("webhook-worker", interval, 64, limits.total());
        this.perDeveloper = limits.perDeveloper();
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.http = http;
        this.json = json;
        this.schedule = schedule;
        this.transactions = transactions;
        this.clock = clock;
        this.lease = new Lease(holder.id(), LEASE_LENGTH);
        this.spans = spans;
        this.metrics = metrics;
    }

    @Override
    protected List<DueDelivery> claim(int limit) {
        Map<String, Integer> endpoints = byEndpoint.snapshot();
        Map<String, Integer> developers = byDeveloper.snapshot();
        return transactions.execute(status -> deliveries.claimDue(clock.instant(), lease, limit, PER_ENDPOINT,
                perDeveloper, endpoints, developers));
    }

    @Override
    protected String key(DueDelivery delivery) {
        return delivery.deliveryId();
    }

    @Override
    protected int releaseStranded(Set<String> inFlight) {
        return transactions.execute(status -> deliveries.releaseStranded(lease.holder(), inFlight, clock.instant()));
    }

    @Override
    protected void start(DueDelivery delivery, Runnable finished) {
        byEndpoint.add(delivery.webhookId());
        byDeveloper.add(delivery.developerId());
        int attempt = delivery.attempts() + 1;
        long started = System.nanoTime();
        Span span = spans.start("webhook post", Span.Kind.CLIENT, delivery.trace())
                .tag("webhook.id", delivery.webhookId()).tag("webhook.delivery.id", delivery.deliveryId())
                .tag("attempt", String.valueOf(attempt));
        if (delivery.pauseId() != null) {
            // A test event is about no pause.
            span.tag("pause.id", delivery.pauseId());
        }
        Request request;
        try {
            request = sign(delivery, EventIds.now(clock), spans.contextOf(span));
        } catch (RuntimeException e) {
            // Not contacted: a secret that no longer opens (the internal secret changed) or a URL the client refuses.
            spans.inScope(span, () -> {
                log.warn("Cannot prepare webhook delivery {}: {}", delivery.deliveryId(), e.toString());
                return null;
            });
            complete(span, delivery, attempt, null, "could not prepare the request: " + e.getMessage(), started,
                    finished);
            return;
        }
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    int code = response.code();
                    String error = response.isSuccessful() ? null : answer(response);
                    complete(span, delivery, attempt, code, error, started, finished);
                } catch (IOException e) {
                    complete(span, delivery, attempt, response.code(), "HTTP " + response.code(), started, finished);
                }
            }

            @Override
            public void onFailure(Call call, IOException e) {
                complete(span, delivery, attempt, null, describe(e), started, finished);
            }
        });
    }

    private Request sign(DueDelivery delivery, Instant at, TraceContext trace) {
        String secret = secrets.open(delivery.webhookId(), delivery.sealedSecret());
        long timestamp = at.getEpochSecond();
        byte[] body = json.writeValueAsBytes(new WebhookPayload(delivery.eventId(), delivery.event(),
                delivery.pauseId(), delivery.developerId(), delivery.livemode(), timestamp, delivery.data()));
        Request.Builder request = new Request.Builder()
                .url(delivery.url())
                .post(RequestBody.create(body, JSON))
                .header("User-Agent", "PausePoint-Webhooks/1")
                .header("X-PausePoint-Signature",
                        "sha256=" + Hmac.sha256Hex(secret.getBytes(StandardCharsets.UTF_8), body))
                .header("X-PausePoint-Event", delivery.event())
                .header("X-PausePoint-Delivery", delivery.eventId())
                .header("X-PausePoint-Timestamp", String.valueOf(timestamp));
        if (trace != null) {
            request.header(TraceContext.HEADER, trace.traceparent());
        }
        return request.build();
    }

    /** Ends the attempt's span around recording it, so the outcome's log line carries the trace. */
    private void complete(Span span, DueDelivery delivery, int attempt, Integer statusCode, String error,
            long started, Runnable finished) {
        if (statusCode != null) {
            span.tag("http.response.status_code", String.valueOf(statusCode));
        }
        try {
            spans.inScope(span, () -> {
                complete(delivery, attempt, statusCode, error, started, finished);
                return null;
            });
        } finally {
            span.end();
        }
    }

    private void complete(DueDelivery delivery, int attempt, Integer statusCode, String error, long started,
            Runnable finished) {
        try {
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            boolean success = error == null;
            Optional<Instant> next = success ? Optional.empty() : schedule.next(attempt, clock.instant());
            String outcome = success ? "delivered" : next.isPresent() ? "pending" : "failed";
            transactions.executeWithoutResult(status -> deliveries.recordAttempt(delivery, attempt, statusCode,
                    error, millis, outcome, next.orElse(null), EventIds.now(clock)));
            // The status only: the receiver's answer and the URL may hold what is not ours to log.
            log.info("Webhook delivery {} to endpoint {}, attempt {}: {} ({})", delivery.deliveryId(),
                    delivery.webhookId(), attempt, statusCode == null ? "no HTTP answer" : "HTTP " + statusCode, outcome);
            metrics.attempted(outcome, millis);
        } catch (RuntimeException e) {
            log.warn("Could not record attempt {} of {}; the lease will bring it back: {}", attempt,
                    delivery.deliveryId(), e.toString());
        } finally {
            byEndpoint.remove(delivery.webhookId());
            byDeveloper.remove(delivery.developerId());
            finished.run();
            // The endpoint or its developer may have due deliveries that the claim held back while they were busy.
            wake();
        }
    }

    private static String answer(Response response) throws IOException {
        String body = OutboundHttp.boundedBody(response).strip();
        String redirect = response.isRedirect() ? " (redirects are not followed)" : "";
        return truncate("HTTP " + response.code() + redirect + (body.isEmpty() ? "" : ": " + body));
    }

    private static String describe(IOException e) {
        if (e instanceof UnsafeDestinationException) {
            return "refused, not contacted: the URL " + e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "the host does not resolve";
        }
        if (e instanceof InterruptedIOException) {
            return "no answer within 10 s";
        }
        if (e instanceof ConnectException) {
            return truncate("could not connect: " + e.getMessage());
        }
        if (e instanceof SSLException) {
            return truncate("TLS failed: " + e.getMessage());
        }
        return truncate(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR) + "…";
    }
}
