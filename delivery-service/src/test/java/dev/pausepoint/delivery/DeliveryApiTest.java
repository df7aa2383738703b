package dev.pausepoint.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.delivery.webhook.WebhookSecretBox;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventMother;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.kit.SignedServiceTest;
import dev.pausepoint.testsupport.MutableClock;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.spring.MutableClockConfiguration;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * delivery-service on real Postgres and Kafka, with every outside party (Twilio, SendGrid, Slack,
 * developers' webhook receivers) played by one local WireMock server that the real SDKs call. The
 * receivers are reached as {@code 127.0.0.2}, the one host the SSRF guard is configured to allow over
 * plain http here; every other loopback or private destination stays refused, as in production.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET,
        "pausepoint.public-base-url=https://pausepoint.example",
        "pausepoint.delivery.twilio.account-sid=" + DeliveryApiTest.TWILIO_SID,
        "pausepoint.delivery.twilio.auth-token=" + DeliveryApiTest.TWILIO_TOKEN,
        "pausepoint.delivery.twilio.from-number=+15005550006",
        "pausepoint.sendgrid.api-key=SG.test-key",
        "pausepoint.sendgrid.from-email=agents@pausepoint.test",
        "pausepoint.delivery.insecure-hosts=" + DeliveryApiTest.RECEIVER_HOST,
        "pausepoint.delivery.worker-interval=100ms"})
@RealInfrastructure
@Import(MutableClockConfiguration.class)
public abstract class DeliveryApiTest extends SignedServiceTest {

    protected static final String TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
    protected static final String TWILIO_TOKEN = "twilio-auth-token-0123456789abcdef";
    protected static final String RECEIVER_HOST = "127.0.0.2";
    protected static final String TWILIO_MESSAGES = "/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json";
    protected static final String TWILIO_CALLBACK_URL = "https://pausepoint.example/v1/providers/twilio/status";
    /** Twilio's servers, calling back. */
    protected static final CallerIdentity TWILIO = CallerIdentity.anonymous("54.172.60.1");
    /** The signing secret of endpoints registered with {@link #registerWebhook}. */
    protected static final String WEBHOOK_SECRET = "whsec-delivery-0123456789";

    /** Twilio, SendGrid, Slack and webhook receivers: each test uses its own recipients and paths. */
    protected static final WireMockServer OUTSIDE = new WireMockServer(options().dynamicPort().dynamicHttpsPort());

    /** The SendGrid event-webhook key pair: the service gets the public half, as from SendGrid's settings. */
    protected static final KeyPair SENDGRID_EVENTS;

    static {
        OUTSIDE.start();
        Runtime.getRuntime().addShutdownHook(new Thread(OUTSIDE::stop));
        // SendGrid accepts mail with 202 and names the message in a header; tests that need more add stubs.
        OUTSIDE.stubFor(post(urlEqualTo("/v3/mail/send")).willReturn(aResponse().withStatus(202)
                .withHeader("X-Message-Id", "sg-message-1")));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            SENDGRID_EVENTS = generator.generateKeyPair();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void outside(DynamicPropertyRegistry registry) {
        registry.add("pausepoint.delivery.twilio.base-url", () -> "http://localhost:" + OUTSIDE.port());
        registry.add("pausepoint.sendgrid.base-url", () -> "http://localhost:" + OUTSIDE.port());
        registry.add("pausepoint.delivery.sendgrid-event-public-key",
                () -> Base64.getEncoder().encodeToString(SENDGRID_EVENTS.getPublic().getEncoded()));
    }

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    private KafkaTemplate<String, Event> kafka;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private WebhookSecretBox secrets;

    @AfterEach
    void thawClock() {
        clock.thaw();
    }

    /** A fresh developer calling with a key of {@code mode}. */
    protected static CallerIdentity developer(KeyMode mode) {
        return apiKey("dev_" + UUID.randomUUID(), mode);
    }

    /** {@code developerId} calling with a key of {@code mode}. */
    protected static CallerIdentity apiKey(String developerId, KeyMode mode) {
        return new CallerIdentity(developerId, mode, "pro", CredentialKind.API_KEY, "203.0.113.5");
    }

    protected static CallerIdentity sameDeveloper(CallerIdentity caller, KeyMode mode) {
        return new CallerIdentity(caller.developerId(), mode, caller.plan(), caller.credential(), caller.clientIp());
    }

    /** The same developer signed in to the dashboard: a session acting in {@code mode}'s world. */
    protected static CallerIdentity session(String developerId, KeyMode mode) {
        return new CallerIdentity(developerId, mode, "pro", CredentialKind.SESSION, "203.0.113.5");
    }

    /** A receiver URL on the local WireMock, reachable only because its host is allowed here. */
    protected static String receiver(String path) {
        return "http://" + RECEIVER_HOST + ":" + OUTSIDE.port() + path;
    }

    /** A new pause as pause-service would announce it, for {@code channel} and {@code recipient}. */
    protected static PauseCreated pauseCreated(String developerId, boolean livemode, String channel, String recipient) {
        PauseCreated template = EventMother.pauseCreated();
        String pauseId = "psr_" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new PauseCreated("evt_" + UUID.randomUUID(), now, 1, pauseId, developerId, livemode, channel,
                recipient, template.message(), template.options(), template.allowTextResponse(),
                template.timeoutDefault(), template.metadata(), "https://pausepoint.example/respond/tok-" + pauseId,
                now.plus(Duration.ofHours(24)), template.actorIp());
    }

    /** {@code developerId}'s pause {@code pauseId} answered by a human, as pause-service would announce it. */
    protected static PauseResponded pauseResponded(String pauseId, String developerId, boolean livemode) {
        PauseResponded template = EventMother.pauseResponded();
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new PauseResponded("evt_" + UUID.randomUUID(), at, 1, pauseId, developerId, livemode, "Approve",
                "Go ahead, but watch the error rate.", at, Map.of("run_id", "r-42"), template.actorIp(),
                template.userAgent());
    }

    /** An endpoint on the local WireMock at {@code path}, answering 200 until a test says otherwise. */
    protected String registerWebhook(CallerIdentity caller, String path, String... events) {
        OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        return registerWebhookUrl(caller, receiver(path), events);
    }

    /** An endpoint at {@code url} signing with {@link #WEBHOOK_SECRET}, registered through the API. */
    protected String registerWebhookUrl(CallerIdentity caller, String url, String... events) {
        String list = events.length == 0 ? "" : ", \"events\": [\"" + String.join("\", \"", events) + "\"]";
        Reply reply = client.postJson("/v1/webhooks", """
                {"url": "%s", "secret": "%s"%s}""".formatted(url, WEBHOOK_SECRET, list), caller);
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().get("webhook_id").asString();
    }

    /** What the receiver at {@code path} was posted. */
    protected static List<LoggedRequest> received(String path) {
        return OUTSIDE.findAll(postRequestedFor(urlEqualTo(path)));
    }

    /** The endpoint's delivery log, as {@code GET /v1/webhooks/{id}/deliveries?limit=100} lists it. */
    protected List<JsonNode> deliveries(CallerIdentity caller, String webhookId) {
        Reply reply = client.get("/v1/webhooks/" + webhookId + "/deliveries?limit=100", caller);
        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        reply.json().get("items").forEach(items::add);
        return items;
    }

    /**
     * What a receiver does, written from the documented contract alone (docs/api-reference.md, "Webhooks"):
     * HMAC-SHA256 of the raw body with the secret, hex.
     */
    protected static String expectedSignature(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** A fresh number SMS may reach here (the default allows +1 only). */
    protected static String phone() {
        return "+1415" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
    }

    /** An SMS pause of a fresh developer that Twilio accepted as {@code sid}. */
    protected PauseCreated sentSms(String sid) {
        String to = phone();
        OUTSIDE.stubFor(post(urlEqualTo(TWILIO_MESSAGES)).withFormParam("To", equalTo(to))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"" + sid + "\", \"status\": \"queued\"}")));
        PauseCreated pause = pauseCreated("dev_" + UUID.randomUUID(), true, "sms", to);
        publish(pause);
        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("status", "sent"));
        return pause;
    }

    /** Twilio: HMAC-SHA1 with the auth token over the URL followed by each field name and value, sorted by name. */
    protected static String twilioSignature(String token, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(TWILIO_CALLBACK_URL);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    protected static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Twilio's status callback with {@code form}, as Twilio's servers post it. */
    protected Reply twilioCallback(Map<String, String> form, String signature) {
        return client.send("POST", "/v1/providers/twilio/status", "application/x-www-form-urlencoded",
                formBody(form), TWILIO, "X-Twilio-Signature", signature);
    }

    /** SendGrid's event-webhook signature: ECDSA over the timestamp followed by the body. */
    protected static String sendGridSignature(PrivateKey key, String timestamp, String body) throws Exception {
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(key);
        ecdsa.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ecdsa.sign());
    }

    /** SendGrid's signed event webhook with {@code body}, as SendGrid's servers post it. */
    protected Reply sendGridCallback(String body, String signature, String timestamp) {
        return client.send("POST", "/v1/providers/sendgrid/events", "application/json", body,
                CallerIdentity.anonymous("167.89.118.1"), "X-Twilio-Email-Event-Webhook-Signature", signature,
                "X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
    }

    protected RecordMetadata publish(Event event) {
        return publish(new ProducerRecord<>(event.topic(), event.key(), event));
    }

    /** Publishes {@code event} as a record of the trace {@code traceparent} names. */
    protected RecordMetadata publish(Event event, String traceparent) {
        ProducerRecord<String, Event> record = new ProducerRecord<>(event.topic(), event.key(), event);
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.ISO_8859_1));
        return publish(record);
    }

    private RecordMetadata publish(ProducerRecord<String, Event> record) {
        try {
            return kafka.send(record).get().getRecordMetadata();
        } catch (Exception e) {
            throw new AssertionError("could not publish " + record.value(), e);
        }
    }

    /** Waits until consumer group {@code groupId} has committed past {@code record}: it was processed. */
    protected static void awaitConsumed(String groupId, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata committed = offsets.get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    /** The notification row of a pause (status, attempts, last error), or an empty map before there is one. */
    protected Map<String, Object> notification(String pauseId) {
        return notification(pauseId, 0);
    }

    /** The same for notification {@code notification} of the pause (0 its first). */
    protected Map<String, Object> notification(String pauseId, int notification) {
        return jdbc.sql("""
                SELECT status, attempts, last_error, next_attempt_at, kind FROM notification
                WHERE pause_id = ? AND notification = ?""")
                .params(pauseId, notification).query().listOfRows().stream().findFirst().orElse(Map.of());
    }

    /** A live webhook endpoint of {@code developerId}, written straight to the table for the claim's tests. */
    protected String webhookEndpoint(String developerId) {
        String id = "whk_" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO webhook_endpoint (id, developer_id, livemode, url, events, secret_encrypted, created_at)
                VALUES (?, ?, true, 'https://receiver.example/hook', '{pause.responded}', 'sealed', now())""")
                .params(id, developerId).update();
        return id;
    }

    /**
     * A live endpoint of {@code caller} at {@code url}, signing with {@link #WEBHOOK_SECRET}, written straight
     * to the table: a URL registration refuses, as when its host's DNS changed after registration.
     */
    protected String webhookEndpointAt(CallerIdentity caller, String url) {
        String id = "whk_" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO webhook_endpoint (id, developer_id, livemode, url, events, secret_encrypted, created_at)
                VALUES (?, ?, true, ?, '{pause.responded}', ?, now())""")
                .params(id, caller.developerId(), url, secrets.seal(id, WEBHOOK_SECRET)).update();
        return id;
    }

    /**
     * Runs {@code work} in a transaction that is then rolled back, after setting aside every pending row
     * of {@code table} but {@code ours}: a claim made there sees only the rows a test wrote, whatever the
     * running workers and other tests have pending.
     */
    protected <T> T withOnlyThesePending(String table, String idColumn, List<String> ours, Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.sql("UPDATE " + table + " SET status = 'failed' WHERE status = 'pending' AND NOT (" + idColumn
                    + " = ANY (?::text[]))").param("{" + String.join(",", ours) + "}").update();
            T result = work.get();
            status.setRollbackOnly();
            return result;
        });
    }

    protected List<Map<String, Object>> notificationAttempts(String pauseId) {
        return jdbc.sql("SELECT attempt, status_code, error, created_at FROM notification_attempt WHERE pause_id = ?"
                        + " AND notification = 0 ORDER BY attempt")
                .param(pauseId).query().listOfRows();
    }
}
