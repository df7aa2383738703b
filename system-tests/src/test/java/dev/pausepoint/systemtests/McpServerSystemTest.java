package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.client.ListPausesQuery;
import dev.pausepoint.client.Pause;
import dev.pausepoint.client.PausePointClient;
import dev.pausepoint.client.PauseStatus;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.ServiceFleet;
import dev.pausepoint.localstack.Workspace;
import dev.pausepoint.systemtests.Http.Reply;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.embedded.FreePorts;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server (docs/mcp.md) through the MCP Java SDK's own client, over both transports, against the real
 * stack: stdio (the built jar spawned as an agent would, pointed at the stack's gateway with a key) and
 * Streamable HTTP (the gateway's {@code /mcp} with the key). The human answers through
 * {@code POST /v1/respond/{token}}, with the test pause's respond_url read by the Java client.
 */
class McpServerSystemTest {

    enum Transport { STDIO, HTTP }

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);
    /** The {@code clientInfo.name} this test's MCP client gives in {@code initialize}. */
    private static final String CLIENT_NAME = "system-test-agent";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** For the answers read as a stream. */
    private static final HttpClient STREAMS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** An MCP client connected as {@code key}, with the progress notifications it received. */
    private record Connected(McpSyncClient client, List<ProgressNotification> progress) implements AutoCloseable {
        @Override
        public void close() {
            client.closeGracefully();
        }
    }

    private static Connected connect(Transport transport, String key) {
        List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
        McpSyncClient client = McpClient.sync(transport(transport, key)).requestTimeout(CALL_TIMEOUT)
                .clientInfo(new Implementation(CLIENT_NAME, "1.0")).progressConsumer(progress::add).build();
        client.initialize();
        return new Connected(client, progress);
    }

    private static McpClientTransport transport(Transport transport, String key) {
        if (transport == Transport.HTTP) {
            return HttpClientStreamableHttpTransport.builder(SystemStack.gateway().toString()).endpoint("/mcp")
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key)
                            .header("X-Forwarded-For", Http.randomClient()))
                    .build();
        }
        Path jar = Workspace.locate().jar(Service.MCP_SERVER);
        assertThat(Files.isRegularFile(jar)).as("the built jar " + jar).isTrue();
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new StdioClientTransport(ServerParameters.builder(java).args("-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString()).env(Map.of("PAUSEPOINT_URL", SystemStack.gateway().toString(),
                        "PAUSEPOINT_API_KEY", key, "PAUSEPOINT_MCP_PROGRESS_INTERVAL", "1s")).build(),
                McpJsonDefaults.getMapper());
    }

    private static PausePointClient api(String key) {
        return PausePointClient.builder().baseUrl(SystemStack.gateway()).apiKey(key)
                .defaultHeader("X-Forwarded-For", Http.randomClient()).build();
    }

    private static Map<String, Object> askDeploy(Integer maxWaitSeconds) {
        Map<String, Object> arguments = new java.util.LinkedHashMap<>(Map.of("channel", "sms",
                "recipient", "+14155550100", "question", "Deploy build 42 to production?",
                "options", List.of("Deploy", "Hold"), "default", "Hold", "allow_text", true));
        if (maxWaitSeconds != null) {
            arguments.put("max_wait_seconds", maxWaitSeconds);
        }
        return arguments;
    }

    private static CallToolRequest call(String tool, Map<String, Object> arguments, Object progressToken) {
        CallToolRequest.Builder request = CallToolRequest.builder().name(tool).arguments(arguments);
        return progressToken == null ? request.build() : request.progressToken(progressToken).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isFalse();
        Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
        assertThat(JSON.readValue(text(result), Map.class)).as("the same JSON as text").isEqualTo(structured);
        return structured;
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    /** The one pending pause of a fresh developer, once ask_human has created it. */
    private static Pause pendingPause(PausePointClient api) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> api.listPauses(ListPausesQuery.builder().status(PauseStatus.PENDING).build()).items(),
                items -> items.size() == 1).get(0);
    }

    /** The human's answer through the respond link's API, as the hosted page would record it. */
    private static void answer(Pause pause, String choice, String note) {
        String token = pause.respondUrl().substring(pause.respondUrl().lastIndexOf('/') + 1);
        Reply reply = Http.postJson("/v1/respond/" + token,
                "{\"choice\":\"" + choice + "\",\"text\":\"" + note + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @EnumSource(Transport.class)
    void listsTheFiveToolsWithTheirSchemas(Transport transport) {
        Developer developer = Developer.register();
        try (Connected mcp = connect(transport, developer.test())) {
            assertThat(mcp.client().getServerInfo().name()).isEqualTo("pausepoint");
            List<Tool> tools = mcp.client().listTools().tools();
            assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrder("ask_human", "get_pause",
                    "wait_for_pause", "cancel_pause", "list_pauses");
            Tool ask = tools.stream().filter(tool -> tool.name().equals("ask_human")).findFirst().orElseThrow();
            assertThat(required(ask)).containsExactlyInAnyOrder("channel", "recipient", "question", "options");
            assertThat((Map<String, Object>) ask.inputSchema().get("properties")).containsKeys("timeout_hours",
                    "default", "allow_text", "metadata", "max_wait_seconds", "agent_name", "reminders", "escalation");
            assertThat(ask.description()).contains("default").contains("wait_for_pause");
            Tool wait = tools.stream().filter(tool -> tool.name().equals("wait_for_pause")).findFirst().orElseThrow();
            assertThat(required(wait)).containsExactly("pause_id");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> required(Tool tool) {
        return (List<String>) tool.inputSchema().get("required");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void askHumanReturnsTheHumansChoiceAndNoteWithProgressMeanwhile(Transport transport) throws Exception {
        Developer developer = Developer.register();
        PausePointClient api = api(developer.test());
        try (Connected mcp = connect(transport, developer.test())) {
            CompletableFuture<CallToolResult> asked = CompletableFuture.supplyAsync(
                    () -> mcp.client().callTool(call("ask_human", askDeploy(60), "ask-1")));
            Pause pause = pendingPause(api);
            // At least one report after the first, sent while the call is still waiting.
            await().atMost(Duration.ofSeconds(20)).until(() -> mcp.progress().size() >= 2);
            assertThat(asked).isNotDone();
            answer(pause, "Deploy", "ship it");

            Map<String, Object> result = structured(asked.get(30, TimeUnit.SECONDS));
            assertThat(result).containsEntry("pause_id", pause.pauseId()).containsEntry("status", "responded")
                    .containsEntry("choice", "Deploy").containsEntry("text", "ship it")
                    .containsEntry("livemode", false).containsEntry("timeout_default", "Hold")
                    .containsKeys("response_at", "expires_at", "respond_url");
            assertThat(mcp.progress()).allSatisfy(report -> {
                assertThat(report.progressToken()).isEqualTo("ask-1");
                assertThat(report.total()).isEqualTo(60.0);
                assertThat(report.message()).contains(pause.pauseId());
            });
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @EnumSource(Transport.class)
    void aTestRecipientAnswersAskHumanAndThePauseNamesTheAgent(Transport transport) {
        Developer developer = Developer.register();
        try (Connected mcp = connect(transport, developer.test())) {
            Map<String, Object> arguments = new java.util.LinkedHashMap<>(Map.of("channel", "sms",
                    "recipient", "+15005550002", "question", "Deploy build 43 to production?",
                    "options", List.of("Approve", "Reject"), "agent_name", "MCP release bot", "max_wait_seconds", 60));

            Map<String, Object> result = structured(mcp.client().callTool(call("ask_human", arguments, null)));

            assertThat(result).containsEntry("status", "responded").containsEntry("choice", "Reject")
                    .containsEntry("agent_name", "MCP release bot");
            List<Map<String, Object>> deliveries = (List<Map<String, Object>>) result.get("deliveries");
            assertThat(deliveries).first().satisfies(first -> assertThat(first).containsEntry("notification", 0)
                    .containsEntry("kind", "initial").containsEntry("recipient", "+15005550002"));

            arguments.remove("agent_name");
            Map<String, Object> unnamed = structured(mcp.client().callTool(call("ask_human", arguments, null)));
            assertThat(unnamed).as("without agent_name, the MCP client's own name from initialize")
                    .containsEntry("choice", "Reject").containsEntry("agent_name", CLIENT_NAME);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aShortWaitReturnsPendingAndWaitForPauseThenGetsTheAnswer(Transport transport) {
        Developer developer = Developer.register();
        try (Connected mcp = connect(transport, developer.test())) {
            Map<String, Object> pending = structured(mcp.client().callTool(call("ask_human", askDeploy(1), null)));
            assertThat(pending).containsEntry("status", "pending").containsEntry("choice", null);
            String pauseId = (String) pending.get("pause_id");
            assertThat((String) pending.get("next_step")).contains("wait_for_pause").contains(pauseId);

            Pause pause = api(developer.test()).getPause(pauseId);
            answer(pause, "Hold", "not today");
            Map<String, Object> answered = structured(mcp.client().callTool(call("wait_for_pause",
                    Map.of("pause_id", pauseId, "max_wait_seconds", 20), null)));
            assertThat(answered).containsEntry("status", "responded").containsEntry("choice", "Hold")
                    .containsEntry("text", "not today").doesNotContainKey("next_step");
            assertThat(structured(mcp.client().callTool(call("get_pause", Map.of("pause_id", pauseId), null))))
                    .containsEntry("status", "responded").containsEntry("choice", "Hold");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void cancelPauseAndListPauses(Transport transport) {
        Developer developer = Developer.register();
        try (Connected mcp = connect(transport, developer.test())) {
            String first = (String) structured(mcp.client().callTool(call("ask_human", askDeploy(0), null)))
                    .get("pause_id");
            String second = (String) structured(mcp.client().callTool(call("ask_human", askDeploy(0), null)))
                    .get("pause_id");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> pendingItems = (List<Map<String, Object>>) structured(mcp.client()
                    .callTool(call("list_pauses", Map.of("status", "pending", "limit", 1), null))).get("items");
            assertThat(pendingItems).extracting(item -> item.get("pause_id")).containsExactly(second);

            Map<String, Object> cancelled = structured(mcp.client().callTool(call("cancel_pause",
                    Map.of("pause_id", first), null)));
            assertThat(cancelled).containsEntry("pause_id", first).containsEntry("status", "cancelled");
            Map<String, Object> page = structured(mcp.client().callTool(call("list_pauses",
                    Map.of("status", "cancelled"), null)));
            assertThat(page).containsEntry("has_more", false).containsEntry("offset", 0);

            CallToolResult again = mcp.client().callTool(call("cancel_pause", Map.of("pause_id", first), null));
            assertThat(again.isError()).isTrue();
            assertThat(text(again)).startsWith("ALREADY_CANCELLED: ");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anApiRefusalIsAnErrorResultNamingItsCode(Transport transport) {
        Developer developer = Developer.register();
        try (Connected mcp = connect(transport, developer.live())) {
            Map<String, Object> byEmail = askDeploy(0);
            byEmail.put("channel", "email");
            byEmail.put("recipient", "ops@example.com");
            CallToolResult refused = mcp.client().callTool(call("ask_human", byEmail, null));
            assertThat(refused.isError()).isTrue();
            assertThat(text(refused)).startsWith("CHANNEL_NOT_ALLOWED: ");

            CallToolResult unknown = mcp.client().callTool(call("get_pause", Map.of("pause_id", "psr_nope"), null));
            assertThat(unknown.isError()).isTrue();
            assertThat(text(unknown)).startsWith("PAUSE_NOT_FOUND: ");

            CallToolResult malformed = mcp.client().callTool(call("wait_for_pause", Map.of("pause_id", 7), null));
            assertThat(malformed.isError()).isTrue();
            assertThat(text(malformed)).startsWith("VALIDATION_ERROR: pause_id");
        }
    }

    /** The sandbox: a test key's pause contacts nobody and shows the link; a live pause's link is never shown. */
    @Test
    void onlyATestPauseShowsItsRespondLink() {
        Developer developer = Developer.register();
        try (Connected test = connect(Transport.HTTP, developer.test());
                Connected live = connect(Transport.HTTP, developer.live())) {
            Map<String, Object> sandbox = structured(test.client().callTool(call("ask_human", askDeploy(0), null)));
            assertThat(sandbox).containsEntry("livemode", false);
            assertThat((String) sandbox.get("respond_url")).contains("/respond/");
            Pause stored = api(developer.test()).getPause((String) sandbox.get("pause_id"));
            assertThat(stored.delivery().status()).isEqualTo("sandbox");

            Map<String, Object> real = structured(live.client().callTool(call("ask_human", askDeploy(0), null)));
            assertThat(real).containsEntry("livemode", true).doesNotContainKey("respond_url");
        }
    }

    @Test
    void withoutAValidKeyTheGatewayRefusesTheMcpEndpoint() {
        String initialize = """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
                 "capabilities":{},"clientInfo":{"name":"probe","version":"1"}}}""";
        for (String[] credential : List.of(new String[0],
                new String[] {"Authorization", "Bearer pp_test_" + "0".repeat(48)},
                new String[] {"Authorization", "Basic cHA6cHA="})) {
            List<String> headers = new java.util.ArrayList<>(List.of("Content-Type", "application/json",
                    "Accept", "application/json, text/event-stream"));
            headers.addAll(List.of(credential));
            Reply refused = Http.send("POST", "/mcp", BodyPublishers.ofString(initialize),
                    headers.toArray(String[]::new));
            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            assertThat(refused.json().get("error").asString()).isEqualTo("INVALID_API_KEY");
        }
    }

    /** The trust boundary: the MCP server answers only what the gateway signed, even with a real key. */
    @Test
    void theMcpServerRefusesRequestsThatDidNotComeThroughTheGateway() {
        Developer developer = Developer.register();
        URI direct = URI.create("http://localhost:" + SystemStack.ports().get(Service.MCP_SERVER));
        Reply refused = Http.sendPastTheGateway(direct, "POST", "/mcp", BodyPublishers.ofString("{}"), "Content-Type",
                "application/json", "Authorization", "Bearer " + developer.test(), "X-PausePoint-Developer", "dev_x",
                "X-PausePoint-Credential", "api_key");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").asString()).isEqualTo("INVALID_API_KEY");
    }

    @Test
    void theServerOffersNoStandingStream() {
        Developer developer = Developer.register();
        Reply get = Developer.as(developer.test(), "GET", "/mcp", null, "Accept", "text/event-stream");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("POST, DELETE");
    }

    /**
     * Copies need no affinity: a session opened on one copy (through the gateway) is served by a second copy
     * that never saw it, as a balancer would send its next request there. The test stands in for the gateway
     * towards the second copy, signing the identity as the gateway does.
     */
    @Test
    void aSecondCopyServesASessionTheFirstOpened() throws Exception {
        Developer developer = Developer.register();
        String developerId = Developer.as(developer.test(), "GET", "/v1/auth/me", null).json().get("developer_id")
                .asString();
        String session = openSession(developer.test());

        int port = FreePorts.next();
        Path log = Path.of("target", "stack-logs", "mcp-server-second-copy.log");
        Process second = ServiceFleet.launchJar(Workspace.locate().jar(Service.MCP_SERVER),
                ServiceFleet.DEFAULT_JVM_OPTIONS, Map.of("PORT", String.valueOf(port), "MANAGEMENT_PORT",
                        String.valueOf(FreePorts.next()), "MCP_TRANSPORT", "http", "PAUSEPOINT_URL",
                        SystemStack.gateway().toString(), "INTERNAL_SECRET", TestSecrets.INTERNAL_SECRET),
                Path.of("target"), log);
        try {
            URI copy = URI.create("http://localhost:" + port);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(second.isAlive()).as("the second copy runs; see " + log).isTrue();
                try {
                    return Http.sendPastTheGateway(copy, "GET", "/readyz", BodyPublishers.noBody()).status() == 200;
                } catch (AssertionError notYet) {
                    return false;
                }
            });
            CallerIdentity caller = new CallerIdentity(developerId, KeyMode.TEST, "free", CredentialKind.API_KEY,
                    "127.0.0.1");
            List<String> headers = new java.util.ArrayList<>(List.of("Content-Type", "application/json",
                    "Accept", "application/json, text/event-stream", "Authorization", "Bearer " + developer.test(),
                    "Mcp-Session-Id", session));
            new RequestSigner(TestSecrets.INTERNAL_SECRET).signIdentity(caller, "POST", "/mcp")
                    .forEach((name, value) -> headers.addAll(List.of(name, value)));
            Reply listed = Http.sendPastTheGateway(copy, "POST", "/mcp", BodyPublishers.ofString("""
                    {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_pauses","arguments":{}}}"""),
                    headers.toArray(String[]::new));
            assertThat(listed.status()).as(listed.body()).isEqualTo(200);
            assertThat(listed.body()).contains("\"id\":2").contains("\\\"has_more\\\":false")
                    .contains("\"isError\":false");
        } finally {
            second.destroy();
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** An MCP session opened through the gateway with a bare {@code initialize}, as any client opens one. */
    private static String openSession(String key) {
        Reply initialized = Developer.as(key, "POST", "/mcp", """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
                 "capabilities":{},"clientInfo":{"name":"probe","version":"1"}}}""",
                "Accept", "application/json, text/event-stream");
        assertThat(initialized.status()).as(initialized.body()).isEqualTo(200);
        String session = initialized.header("Mcp-Session-Id");
        assertThat(session).isNotBlank();
        return session;
    }

    /** A {@code tools/call} of ask_human through the gateway, its answer's stream read as it comes. */
    private static HttpResponse<InputStream> askStreaming(String key, String session, int requestId)
            throws Exception {
        String ask = """
                {"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"ask_human",
                 "_meta":{"progressToken":"p-%d"},"arguments":{"channel":"sms","recipient":"+14155550100",
                 "question":"Rotate the production database password?","options":["Rotate","Wait"],
                 "max_wait_seconds":300}}}""".formatted(requestId, requestId);
        HttpRequest request = HttpRequest.newBuilder(URI.create(SystemStack.gateway() + "/mcp"))
                .POST(BodyPublishers.ofString(ask)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", session).header("X-Forwarded-For", Http.randomClient()).build();
        HttpResponse<InputStream> response = STREAMS.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        return response;
    }

    /** The long-polls parked in the gateway now, from its Prometheus scrape. */
    private static double parkedWaits() {
        return Scrape.of("gateway", SystemStack.gatewayManagement()).sum("pausepoint_longpoll_waiters");
    }

    /** Waits, scraping once a second (the management port counts in the loopback address's window too). */
    private static void awaitParkedWaits(String what, java.util.function.DoublePredicate condition) {
        await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> condition.test(parkedWaits()));
    }

    /**
     * A client that cancels a waiting call ({@code notifications/cancelled}, on a POST of its own) gets the
     * pause as it stands at once, and the long-poll behind the call is released in the gateway. The pause stays
     * pending: cancelling a request cancels nothing.
     */
    @Test
    void aCancelledRequestAnswersAtOnceAndReleasesItsWait() throws Exception {
        Developer developer = Developer.register();
        String session = openSession(developer.test());
        double before = parkedWaits();
        HttpResponse<InputStream> asked = askStreaming(developer.test(), session, 5);
        awaitParkedWaits("the call's long-poll parked", waits -> waits >= before + 1);

        Reply cancelled = Developer.as(developer.test(), "POST", "/mcp", """
                {"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":5,"reason":"changed plans"}}""",
                "Accept", "application/json, text/event-stream", "Mcp-Session-Id", session);
        assertThat(cancelled.status()).isEqualTo(202);

        String stream = CompletableFuture.supplyAsync(() -> {
            try (InputStream body = asked.body()) {
                return new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(15, TimeUnit.SECONDS);
        assertThat(stream).contains("\"id\":5").contains("\"status\":\"pending\"").contains("next_step")
                .contains("stopped waiting");
        awaitParkedWaits("the call's long-poll released", waits -> waits <= before);
        Pause pause = pendingPause(api(developer.test()));
        assertThat(pause.status()).isEqualTo(PauseStatus.PENDING);
    }

    /**
     * A client that goes away in the middle of a waiting call (its stream closed) is noticed at the next
     * progress check, and the long-poll behind the call is released long before the call's own bound.
     */
    @Test
    void aClientThatDisconnectsReleasesItsWait() throws Exception {
        Developer developer = Developer.register();
        String session = openSession(developer.test());
        double before = parkedWaits();
        HttpResponse<InputStream> asked = askStreaming(developer.test(), session, 9);
        awaitParkedWaits("the call's long-poll parked", waits -> waits >= before + 1);
        try (InputStream body = asked.body()) {
            assertThat(new String(body.readNBytes(20), java.nio.charset.StandardCharsets.UTF_8))
                    .as("the first progress report is on the stream").isNotBlank();
        }
        awaitParkedWaits("the abandoned call's long-poll released", waits -> waits <= before);
        assertThat(pendingPause(api(developer.test())).status()).isEqualTo(PauseStatus.PENDING);
    }
}
