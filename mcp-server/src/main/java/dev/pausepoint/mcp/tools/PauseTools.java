package dev.pausepoint.mcp.tools;

import dev.pausepoint.client.Channel;
import dev.pausepoint.client.CreatePauseRequest;
import dev.pausepoint.client.ListPausesQuery;
import dev.pausepoint.client.Pause;
import dev.pausepoint.client.PausePointException;
import dev.pausepoint.client.PauseStatus;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The five tools of docs/mcp.md, each one call (or, for the waits, one bounded series of long-polls) of the
 * Java client as the caller. Blocking client calls run on Reactor's bounded elastic threads; the waits use the
 * client's cancellable long-poll and hold no thread while the human thinks.
 */
public final class PauseTools {

    private final Function<McpAsyncServerExchange, ToolCall> calls;
    private final McpSettings settings;
    private final McpJsonMapper json;
    private final ToolResults results;
    private final AnswerWait waits;

    public PauseTools(Function<McpAsyncServerExchange, ToolCall> calls, McpSettings settings, McpJsonMapper json) {
        this(calls, settings, json, Schedulers.parallel(), Clock.systemUTC());
    }

    PauseTools(Function<McpAsyncServerExchange, ToolCall> calls, McpSettings settings, McpJsonMapper json,
            Scheduler ticks, Clock clock) {
        this.calls = calls;
        this.settings = settings;
        this.json = json;
        this.results = new ToolResults(json);
        this.waits = new AnswerWait(settings, ticks, clock);
    }

    public List<AsyncToolSpecification> specifications() {
        return List.of(
                tool(ToolDescriptions.ASK_HUMAN, this::askHuman),
                tool(ToolDescriptions.GET_PAUSE, this::getPause),
                tool(ToolDescriptions.WAIT_FOR_PAUSE, this::waitForPause),
                tool(ToolDescriptions.CANCEL_PAUSE, this::cancelPause),
                tool(ToolDescriptions.LIST_PAUSES, this::listPauses));
    }

    private interface Handler {
        Mono<CallToolResult> handle(McpAsyncServerExchange exchange, ToolCall call, ToolArguments arguments,
                Object progressToken);
    }

    private AsyncToolSpecification tool(ToolDescriptions.Described described, Handler handler) {
        Tool tool = Tool.builder().name(described.name()).title(described.title())
                .description(described.description()).inputSchema(json, described.inputSchema())
                .annotations(described.annotations())
                .build();
        return AsyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> Mono
                .defer(() -> handler.handle(exchange, calls.apply(exchange), new ToolArguments(request.arguments()),
                        progressToken(request)))
                .onErrorResume(failure -> Mono.fromCallable(() -> results.failure(failure))))
                .build();
    }

    private Mono<CallToolResult> askHuman(McpAsyncServerExchange exchange, ToolCall call, ToolArguments arguments,
            Object progressToken) {
        CreatePauseRequest request = AskHumanRequest.from(arguments,
                AgentName.fallback(settings.agentName(), exchange.getClientInfo()));
        Duration wait = settings.waitFor(arguments.integer("max_wait_seconds"));
        // One key per call: a retry of the HTTP request inside the client cannot create a second pause.
        String idempotencyKey = "mcp-" + UUID.randomUUID();
        return blocking(() -> create(call, request, idempotencyKey))
                .flatMap(created -> waits.await(exchange, progressToken, call, created, wait))
                .map(this::answered);
    }

    /**
     * The create's answer names the pause only; a read gives every field the result shows. If that read fails,
     * the pause exists all the same: the result says so (with its id) rather than an error the model would
     * answer by asking again.
     */
    private static Pause create(ToolCall call, CreatePauseRequest request, String idempotencyKey) {
        Pause created = call.client().createPause(request, idempotencyKey);
        try {
            return call.client().getPause(created.pauseId());
        } catch (PausePointException unread) {
            return created;
        }
    }

    private Mono<CallToolResult> getPause(McpAsyncServerExchange exchange, ToolCall call, ToolArguments arguments,
            Object progressToken) {
        String pauseId = arguments.requiredText("pause_id");
        return blocking(() -> call.client().getPause(pauseId))
                .map(pause -> results.success(PauseView.of(pause)));
    }

    private Mono<CallToolResult> waitForPause(McpAsyncServerExchange exchange, ToolCall call, ToolArguments arguments,
            Object progressToken) {
        String pauseId = arguments.requiredText("pause_id");
        Duration wait = settings.waitFor(arguments.integer("max_wait_seconds"));
        return blocking(() -> call.client().getPause(pauseId))
                .flatMap(pause -> waits.await(exchange, progressToken, call, pause, wait))
                .map(this::answered);
    }

    private Mono<CallToolResult> cancelPause(McpAsyncServerExchange exchange, ToolCall call, ToolArguments arguments,
            Object progressToken) {
        String pauseId = arguments.requiredText("pause_id");
        return blocking(() -> call.client().cancelPause(pauseId))
                .map(pause -> results.success(PauseView.of(pause)));
    }

    private Mono<CallToolResult> listPauses(McpAsyncServerExchange exchange, ToolCall call, ToolArguments arguments,
            Object progressToken) {
        ListPausesQuery.Builder query = ListPausesQuery.builder();
        PauseStatus status = arguments.choice("status", PauseStatus.class, false);
        if (status != null) {
            query.status(status);
        }
        Channel channel = arguments.choice("channel", Channel.class, false);
        if (channel != null) {
            query.channel(channel);
        }
        Integer limit = arguments.integer("limit");
        if (limit != null) {
            query.limit(limit);
        }
        Integer offset = arguments.integer("offset");
        if (offset != null) {
            query.offset(offset);
        }
        return blocking(() -> call.client().listPauses(query.build()))
                .map(page -> results.success(PauseView.page(page)));
    }

    private CallToolResult answered(AnswerWait.Outcome outcome) {
        Map<String, Object> view = outcome.decided() ? PauseView.of(outcome.pause())
                : PauseView.stillPending(outcome.pause(), outcome.why());
        return results.success(view);
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    private static Object progressToken(CallToolRequest request) {
        return request.meta() == null ? null : request.meta().get("progressToken");
    }
}
