package dev.pausepoint.mcp.tools;

import dev.pausepoint.client.Pause;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Waits for a human's answer within one tool call, without holding anything once nobody listens.
 *
 * <p>The client's {@code awaitDecisionAsync} long-polls the API in chunks of up to 30 s until the pause leaves
 * {@code pending} or the wait ends. Beside it, every progress interval, the call reports progress (when the
 * request carried a {@code progressToken}) and checks that its caller is still there. The long-poll is aborted
 * (the future cancelled, which closes its HTTP exchange, so the gateway releases the parked wait and its slot)
 * when the client cancels the request ({@code notifications/cancelled}) or is gone (its stream closed). Either
 * way the result is the pause as it stands, with {@code next_step}: cancelling the MCP request never cancels
 * the pause (only {@code cancel_pause} does).
 */
final class AnswerWait {

    private static final Logger log = LoggerFactory.getLogger(AnswerWait.class);

    private final McpSettings settings;
    private final Scheduler ticks;
    private final Clock clock;

    AnswerWait(McpSettings settings, Scheduler ticks, Clock clock) {
        this.settings = settings;
        this.ticks = ticks;
        this.clock = clock;
    }

    /** The outcome of a wait: the pause as last read, and whether the answer arrived. */
    record Outcome(Pause pause, boolean decided, String why) {
    }

    Mono<Outcome> await(McpAsyncServerExchange exchange, Object progressToken, ToolCall call, Pause pause,
            Duration wait) {
        if (!pause.isPending()) {
            return Mono.just(new Outcome(pause, true, null));
        }
        if (wait.isZero()) {
            return Mono.just(new Outcome(pause, false, "Nobody has answered yet."));
        }
        return Mono.defer(() -> {
            Instant started = clock.instant();
            CompletableFuture<Pause> answer = call.client().awaitDecisionAsync(pause.pauseId(), wait);
            ToolCall.Registration cancelled = call.onCancel(() -> answer.cancel(true));
            Progress progress = new Progress(exchange, progressToken, pause, wait, started);
            progress.report();
            Disposable ticker = Flux.interval(settings.progressInterval(), ticks).subscribe(tick -> {
                if (!call.stillListening()) {
                    log.debug("The caller waiting on {} is gone; its long-poll is aborted", pause.pauseId());
                    answer.cancel(true);
                } else {
                    progress.report();
                }
            });
            return Mono.fromFuture(answer)
                    .map(latest -> latest.isPending()
                            ? new Outcome(latest, false, "Nobody has answered within this call's wait ("
                                    + wait.toSeconds() + " s).")
                            : new Outcome(latest, true, null))
                    .onErrorResume(CancellationException.class, stopped -> Mono.just(new Outcome(pause, false,
                            "This call stopped waiting (the request was cancelled, or the server is restarting); the"
                                    + " question is still open.")))
                    .doFinally(signal -> {
                        ticker.dispose();
                        cancelled.close();
                    });
        });
    }

    /** Progress in seconds waited out of the call's wait, for clients that show it (and reset their timeout). */
    private final class Progress {
        private final McpAsyncServerExchange exchange;
        private final Object token;
        private final Pause pause;
        private final Duration wait;
        private final Instant started;

        Progress(McpAsyncServerExchange exchange, Object token, Pause pause, Duration wait, Instant started) {
            this.exchange = exchange;
            this.token = token;
            this.pause = pause;
            this.wait = wait;
            this.started = started;
        }

        void report() {
            if (token == null) {
                return;
            }
            long waited = Math.min(Duration.between(started, clock.instant()).toSeconds(), wait.toSeconds());
            String message = "Waiting for " + pause.recipient() + " to answer pause " + pause.pauseId() + " ("
                    + waited + " of " + wait.toSeconds() + " s)";
            exchange.progressNotification(ProgressNotification.builder(token, waited)
                    .total((double) wait.toSeconds()).message(message).build())
                    .subscribe(sent -> { }, failed -> log.debug("A progress notification was not sent", failed));
        }
    }
}
