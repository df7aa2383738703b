package dev.pausepoint.benchmark;

import dev.pausepoint.localstack.Service;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The benchmark's developer: registered through the gateway, then put on the unlimited plan. */
public final class Developer {

    private static final String SMS = """
            {"recipient": "%s", "channel": "sms", "message": "Deploy build %d to production?",
             "options": ["Approve", "Reject"], "timeout_default": "Reject"}""";

    public final String developerId;
    public final String liveKey;
    public final String testKey;
    private final URI gateway;
    private final Client client;

    private Developer(String developerId, String liveKey, String testKey, URI gateway, Client client) {
        this.developerId = developerId;
        this.liveKey = liveKey;
        this.testKey = testKey;
        this.gateway = gateway;
        this.client = client;
    }

    /**
     * Live creates count against a quota; the benchmark makes thousands, so its developer is moved to
     * enterprise in billing's database before its keys are first used (the gateway caches the plan).
     */
    static Developer enterprise(Stack stack, Client client) throws SQLException {
        Reply registered = client.send(HttpRequest.newBuilder(stack.gateway().resolve("/v1/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"bench-" + UUID.randomUUID()
                        + "@example.com\", \"name\": \"Bench\", \"password\": \"benchmark password\"}")).build());
        SetUp.require(registered.status() == 201, "register: " + registered.body());
        String id = registered.json().get("developer_id").asString();
        try (Connection db = stack.connect(Service.BILLING);
                PreparedStatement upgrade = db.prepareStatement("UPDATE developer SET plan = 'enterprise' WHERE id = ?")) {
            upgrade.setString(1, id);
            upgrade.executeUpdate();
        }
        return new Developer(id, registered.json().get("api_key").asString(),
                registered.json().get("test_api_key").asString(), stack.gateway(), client);
    }

    /** The body of an SMS pause to {@code recipient}, numbered {@code i} in its message. */
    public static String smsPause(String recipient, long i) {
        return SMS.formatted(recipient, i);
    }

    /** Every event of this developer's pauses is posted to {@code url}. */
    void registerWebhook(String url) {
        Reply registered = call("POST", "/v1/webhooks", "{\"url\": \"" + url
                + "\", \"secret\": \"benchmark-webhook-secret\"}", testKey);
        SetUp.require(registered.status() == 201, "webhook registration: " + registered.body());
    }

    public HttpRequest createRequest(String key, String recipient, long i) {
        return HttpRequest.newBuilder(gateway.resolve("/v1/pause")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(smsPause(recipient, i))).build();
    }

    /** A poll of one test pause: its status read once through the gateway. */
    HttpRequest pollRequest(String pauseId) {
        return HttpRequest.newBuilder(gateway.resolve("/v1/pause/" + pauseId)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + testKey).GET().build();
    }

    /** The human's answer through the response link's token, as the hosted page sends it. */
    HttpRequest answerRequest(String token) {
        return HttpRequest.newBuilder(gateway.resolve("/v1/respond/" + token)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"choice\": \"Approve\"}")).build();
    }

    private Reply call(String method, String path, String json, String key) {
        return client.send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** About {@code count} new test pauses (created at 200 /s), as {pause id, response token}. */
    List<String[]> createMany(int count) {
        List<String[]> pauses = Collections.synchronizedList(new ArrayList<>());
        long offset = System.nanoTime() % 1_000_000;
        // A few more than needed: under overload some creates time out, and the phase needs its count.
        client.load().open(200, Duration.ofSeconds(Math.max(1, (count * 11 / 10 + 199) / 200)),
                i -> createRequest(testKey, "+1420" + (2000000 + offset + i), i), (i, answer) -> {
                    if (answer.statusCode() == 201) {
                        JsonNode created = Client.JSON.readTree(answer.body());
                        String url = created.get("respond_url").asString();
                        pauses.add(new String[] {created.get("pause_id").asString(),
                                url.substring(url.lastIndexOf('/') + 1)});
                    }
                });
        SetUp.require(pauses.size() >= count, "only " + pauses.size() + " of " + count + " pauses were created");
        return new ArrayList<>(pauses.subList(0, count));
    }
}
