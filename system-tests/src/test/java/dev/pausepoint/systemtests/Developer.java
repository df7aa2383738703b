package dev.pausepoint.systemtests;

import dev.pausepoint.systemtests.Http.Reply;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A freshly registered developer's two API keys, and calls to the gateway made with one of them. */
record Developer(String live, String test) {

    /** The account name {@link #register()} gives. */
    static final String NAME = "D";

    static Developer register() {
        return register(NAME);
    }

    /** {@code name} is put into the JSON as it is: escape what JSON needs. */
    static Developer register(String name) {
        Reply reply = Http.postJson("/v1/auth/register", "{\"email\":\"d-" + UUID.randomUUID()
                + "@example.com\",\"name\":\"" + name + "\",\"password\":\"a long enough password\"}");
        if (reply.status() != 201) {
            throw new AssertionError("register failed: " + reply.status() + " " + reply.body());
        }
        return new Developer(reply.json().get("api_key").asString(), reply.json().get("test_api_key").asString());
    }

    /** {@code json} null sends no body. */
    static Reply as(String key, String method, String path, String json, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + key));
        if (json != null) {
            all.addAll(List.of("Content-Type", "application/json"));
        }
        all.addAll(List.of(headers));
        return Http.send(method, path, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json),
                all.toArray(String[]::new));
    }
}
