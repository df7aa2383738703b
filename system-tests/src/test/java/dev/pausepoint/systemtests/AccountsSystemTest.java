package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.localstack.Service;
import dev.pausepoint.systemtests.Http.Reply;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Accounts end to end: a client, the real gateway, real billing-service, Kafka and Postgres. */
@Order(2)
class AccountsSystemTest {

    private static String uniqueEmail() {
        return "sys-" + UUID.randomUUID() + "@example.com";
    }

    private static Reply register(String email, String password) {
        return Http.postJson("/v1/auth/register",
                "{\"email\":\"" + email + "\",\"name\":\"Grace\",\"password\":\"" + password + "\"}");
    }

    private static Reply me(String key) {
        return Http.send("GET", "/v1/auth/me", BodyPublishers.noBody(), "Authorization", "Bearer " + key);
    }

    @Test
    void aRegisteredKeyWorksOnMe() {
        String email = uniqueEmail();
        Reply registered = register(email, "a long enough password");
        assertThat(registered.status()).isEqualTo(201);
        Reply me = me(registered.json().get("api_key").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("usage").get("pauses_limit").asInt()).isEqualTo(50);
        assertThat(me(registered.json().get("test_api_key").asString()).status()).isEqualTo(200);
    }

    @Test
    void theSameEmailInAnotherCaseIsEmailTaken() {
        String email = uniqueEmail();
        register(email, "a long enough password");
        Reply again = register(email.toUpperCase(), "a long enough password");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asString()).isEqualTo("EMAIL_TAKEN");
    }

    @Test
    void shortPasswordAndBadEmailAreValidationErrorsWithFieldDetail() {
        Reply reply = register("not-an-email", "short");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").toString())
                .contains("{\"field\":\"email\",\"issue\":\"must be a valid email address\"}")
                .contains("{\"field\":\"password\",\"issue\":\"must be at least 10 characters\"}");
    }

    @Test
    void malformedJsonThroughTheGatewayIsValidationError() {
        Reply reply = Http.postJson("/v1/auth/register", "{\"email\": \"a@b.co\", \"name\": ");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("error").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.json().get("detail").get(0).get("field").asString()).isEqualTo("body");
        assertThat(reply.json().get("detail").get(0).get("issue").asString()).startsWith("is not valid JSON");
    }

    @Test
    void wrongJsonTypeThroughTheGatewayNamesTheField() {
        Reply reply = Http.postJson("/v1/auth/register", "{\"email\": \"a@b.co\", \"name\": 7, \"password\": true}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").toString()).contains("\"field\":\"name\"");
    }

    @Test
    void wrongMethodOnAServiceRouteIsMethodNotAllowed() {
        Reply reply = Http.send("GET", "/v1/auth/register", BodyPublishers.noBody());
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.json().get("error").asString()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(reply.header("Allow")).isEqualTo("POST");
    }

    @Test
    void plainTextBodyIsUnsupportedMediaType() {
        Reply reply = Http.send("POST", "/v1/auth/register", BodyPublishers.ofString("hello"),
                "Content-Type", "text/plain");
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().get("error").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void wrongPasswordIsInvalidCredentials() {
        String email = uniqueEmail();
        register(email, "a long enough password");
        Reply reply = Http.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"not it at all\"}");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asString()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void afterRotationTheNewKeyWorksAndTheOldOneIsRefusedWithinOneSecond() {
        awaitKeyCacheInUse(SystemStack.gatewayManagement());
        Reply registered = register(uniqueEmail(), "a long enough password");
        String oldKey = registered.json().get("api_key").asString();
        assertThat(me(oldKey).status()).as("cached by the gateway").isEqualTo(200);

        Reply rotated = Http.send("POST", "/v1/auth/keys/rotate", BodyPublishers.ofString("{}"),
                "Authorization", "Bearer " + oldKey, "Content-Type", "application/json");
        assertThat(rotated.status()).isEqualTo(200);
        String newKey = rotated.json().get("api_key").asString();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(me(oldKey).status()).isEqualTo(401));
        assertThat(me(newKey).status()).isEqualTo(200);
    }

    @Test
    void aRotatedKeyIsRefusedOnBothOfTwoGatewayInstancesWithinSecondsOfTheRotationsCommit() {
        URI second = URI.create("http://localhost:" + FreePorts.next());
        URI secondManagement = URI.create("http://localhost:" + FreePorts.next());
        Process gateway = SystemStack.fleet().startAnother(Service.GATEWAY, second.getPort(), secondManagement.getPort());
        try {
            rotateSeenByBoth(second, secondManagement);
        } finally {
            SystemStack.fleet().stopAnother(gateway);
        }
    }

    private static void rotateSeenByBoth(URI second, URI secondManagement) {
        // Not /health: only once its consumer holds its partitions and hears from the broker does an instance
        // answer keys from its cache; before that every key is looked up and the test would prove nothing.
        awaitKeyCacheInUse(secondManagement);
        awaitKeyCacheInUse(SystemStack.gatewayManagement());

        String oldKey = register(uniqueEmail(), "a long enough password").json().get("api_key").asString();
        assertThat(me(oldKey).status()).isEqualTo(200);
        assertThat(meOn(second, oldKey).status()).isEqualTo(200);
        assertThat(accountEventsHealth(secondManagement).json().findValue("cached_keys").asInt())
                .as("the second instance holds the key").isPositive();

        // Billing commits the revocation with its event in the outbox; the relay publishes it to both gateways.
        Reply rotated = Http.send("POST", "/v1/auth/keys/rotate", BodyPublishers.ofString("{}"),
                "Authorization", "Bearer " + oldKey, "Content-Type", "application/json");
        long answered = System.nanoTime();
        assertThat(rotated.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            assertThat(me(oldKey).status()).isEqualTo(401);
            assertThat(meOn(second, oldKey).status()).isEqualTo(401);
        });
        long refusedAfterMillis = Duration.ofNanos(System.nanoTime() - answered).toMillis();
        System.out.println("Rotated key refused by both gateway instances " + refusedAfterMillis
                + " ms after the rotation's 200");
        assertThat(meOn(second, rotated.json().get("api_key").asString()).status()).isEqualTo(200);
    }

    /** Until then an instance looks every key up, and a revocation test against it would prove nothing. */
    private static void awaitKeyCacheInUse(URI management) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(accountEventsHealth(management).status()).isEqualTo(200));
    }

    private static Reply accountEventsHealth(URI management) {
        return Http.send(management, "GET", "/actuator/health/account-events", BodyPublishers.noBody());
    }

    private static Reply meOn(URI gateway, String key) {
        return Http.send(gateway, "GET", "/v1/auth/me", BodyPublishers.noBody(), "Authorization", "Bearer " + key);
    }

    @Test
    void aSessionFromLoginCanRotateALostKey() {
        String email = uniqueEmail();
        register(email, "a long enough password");
        String session = Http.postJson("/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"a long enough password\"}").json().get("session_token").asString();
        Reply rotated = Http.send("POST", "/v1/auth/keys/rotate", BodyPublishers.ofString("{}"),
                "Authorization", "Bearer " + session, "Content-Type", "application/json");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(me(rotated.json().get("api_key").asString()).status()).isEqualTo(200);
        assertThat(Http.send("GET", "/v1/pause", BodyPublishers.noBody(), "Authorization", "Bearer " + session)
                .status()).as("a session reads the live world, as the dashboard does").isEqualTo(200);
    }
}
