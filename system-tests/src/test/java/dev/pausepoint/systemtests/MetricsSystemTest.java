package dev.pausepoint.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.pausepoint.systemtests.Developer.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pausepoint.events.Topics;
import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.Workspace;
import dev.pausepoint.systemtests.MetricCatalogue.Entry;
import dev.pausepoint.systemtests.Scrape.Sample;
import dev.pausepoint.testsupport.PostgresAccess;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.embedded.EmbeddedRedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/observability.md's catalogue against the running stack: every process serves
 * {@code /actuator/prometheus} on its management port (and not on its public one), and after a flow
 * through the gateway every documented metric is there, in the processes the catalogue names, with its
 * tags, and (counters and timers) has moved. Then the alert rules and the dashboard in
 * deploy/observability parse, and every metric they name is one the stack emits.
 */
@Order(8)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsSystemTest {

    private static final String SECRET = "whsec-metrics-test-0123456789";
    @RegisterExtension
    static final WireMockExtension RECEIVER = WireMockExtension.newInstance().options(options().dynamicPort()).build();
    private static final String SMS = """
            {"recipient": "+14155550123", "channel": "sms", "message": "Ship it?", "options": ["Yes", "No"],
             "timeout_default": "No"}""";
    private static final Map<String, Service> PROCESSES = new LinkedHashMap<>();

    static {
        for (Service service : Service.values()) {
            PROCESSES.put(service.moduleName(), service);
        }
    }

    @Test
    @Order(1)
    void actuatorIsOnTheManagementPortOfEveryProcessAndNeverOnAPublicOne() {
        for (Map.Entry<String, Service> process : PROCESSES.entrySet()) {
            Scrape scrape = Scrape.of(process.getKey(), SystemStack.management(process.getValue()));
            assertThat(scrape.series("jvm_memory_used_bytes")).as(process.getKey())
                    .allSatisfy(sample -> assertThat(sample.labels()).containsEntry("application", process.getKey()));
            int publicPort = SystemStack.ports().get(process.getValue());
            assertThat(Http.send(java.net.URI.create("http://localhost:" + publicPort), "GET", "/actuator/prometheus",
                    java.net.http.HttpRequest.BodyPublishers.noBody()).status()).as(process.getKey() + " public port")
                    .isEqualTo(404);
        }
        assertThat(Http.get("/actuator/prometheus").status()).as("through the gateway").isEqualTo(404);
        assertThat(Http.get("/readyz").status()).as("services' probes are not routed").isEqualTo(404);
    }

    @Test
    @Order(2)
    void everyDocumentedMetricIsEmittedAndMovesAfterAFlowThroughTheGateway() throws Exception {
        MetricCatalogue catalogue = MetricCatalogue.read();
        Map<String, Scrape> before = scrapeAll();

        Developer developer = Developer.register();
        String path = "/hooks/" + UUID.randomUUID();
        RECEIVER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        assertThat(as(developer.test(), "POST", "/v1/webhooks", "{\"url\": \"http://" + SystemStack.RECEIVER_HOST + ":"
                + RECEIVER.getPort() + path + "\", \"secret\": \"" + SECRET
                + "\", \"events\": [\"pause.responded\", \"pause.cancelled\", \"pause.timed_out\"]}").status())
                .isEqualTo(201);

        // Answered by its human through the gateway, cancelled by its developer, timed out by the sweeper.
        Http.Reply answered = as(developer.test(), "POST", "/v1/pause", SMS);
        assertThat(answered.status()).isEqualTo(201);
        String respondUrl = answered.json().get("respond_url").asString();
        assertThat(Http.postJson("/v1/respond/" + respondUrl.substring(respondUrl.lastIndexOf('/') + 1),
                "{\"choice\": \"Yes\"}").status()).isEqualTo(200);
        String cancelled = as(developer.test(), "POST", "/v1/pause", SMS).json().get("pause_id").asString();
        assertThat(as(developer.test(), "DELETE", "/v1/pause/" + cancelled, null).status()).isEqualTo(200);
        String timedOut = as(developer.test(), "POST", "/v1/pause", SMS).json().get("pause_id").asString();
        expire(timedOut);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(as(developer.test(), "GET",
                "/v1/pause/" + timedOut + "?wait=5", null).json().get("status").asString()).isEqualTo("timed_out"));
        // A live pause: no SMS provider is configured in this stack, so its one attempt fails.
        Http.Reply live = as(developer.live(), "POST", "/v1/pause", SMS);
        assertThat(live.status()).isEqualTo(201);
        String livePause = live.json().get("pause_id").asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(as(developer.live(), "GET",
                "/v1/pause/" + livePause, null).json().get("delivery").get("status").asString()).isEqualTo("failed"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(RECEIVER.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(3));

        // A record that is not a contract event: pause-service sets it aside.
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers",
                TestInfrastructure.kafka().bootstrapServers(), "key.serializer", StringSerializer.class,
                "value.serializer", StringSerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.DELIVERY_EVENTS, "metrics-poison", "{\"not\": \"an event\"}")).get();
        }
        redisBlip(developer);

        List<String> missing = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, Scrape> after = scrapeAll();
            missing.clear();
            for (Entry entry : catalogue.entries()) {
                missing.addAll(check(entry, before, after));
            }
            assertThat(missing).as("documented in docs/observability.md, not emitted or not moving").isEmpty();
        });
    }

    @Test
    @Order(3)
    void alertRulesAndTheDashboardParseAndNameOnlyMetricsTheStackEmits() throws Exception {
        Set<String> emitted = new HashSet<>();
        scrapeAll().values().forEach(scrape -> emitted.addAll(scrape.names()));
        Path observability = Workspace.locate().root().resolve("deploy/observability");

        Map<String, Object> rules = new Yaml().load(Files.readString(observability.resolve("alerts.yml")));
        List<Map<String, Object>> groups = list(rules.get("groups"));
        assertThat(groups).isNotEmpty();
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Map<String, Object> group : groups) {
            assertThat(group.get("name")).isInstanceOf(String.class);
            for (Map<String, Object> rule : list(group.get("rules"))) {
                assertThat(rule).containsKeys("alert", "expr", "for", "labels", "annotations");
                assertThat(rule.get("for").toString()).matches("(\\d+(ms|s|m|h|d|w|y))+");
                assertThat(map(rule.get("labels"))).containsKey("severity");
                assertThat(map(rule.get("annotations"))).containsKeys("summary", "description");
                expressions.put("alert " + rule.get("alert"), rule.get("expr").toString());
            }
        }
        Map<String, String> alertMetric = Map.of("PausePointOutboxStuck", "pausepoint_outbox_oldest_age_seconds",
                "PausePointDeadLetters", "pausepoint_kafka_dead_letters_total",
                "PausePointConsumerLag", "pausepoint_kafka_consumer_lag_records",
                "PausePointWebhookFailureRatio", "pausepoint_webhooks_attempts_seconds_count",
                "PausePointTimeoutSweeperLate", "pausepoint_timeout_lateness_seconds_max",
                "PausePointHttp5xxRatio", "http_server_requests_seconds_count");
        alertMetric.forEach((alert, metric) -> assertThat(expressions.get("alert " + alert)).as(alert).contains(metric));

        JsonNode dashboard = JsonMapper.builder().build().readTree(observability.resolve("grafana-dashboard.json").toFile());
        assertThat(dashboard.get("panels").size()).isGreaterThan(10);
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("targets").size()).as(panel.get("title").asString()).isPositive();
            for (JsonNode target : panel.get("targets")) {
                expressions.put("panel " + panel.get("title").asString() + " " + target.get("refId").asString(),
                        target.get("expr").asString());
            }
        }

        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        expressions.forEach((where, expression) -> {
            Set<String> names = new HashSet<>(PromQl.metricNames(expression));
            names.removeAll(emitted);
            if (!names.isEmpty()) {
                unknown.put(where, names);
            }
        });
        for (JsonNode variable : dashboard.get("templating").get("list")) {
            if (variable.has("definition")) {
                String metric = variable.get("definition").asString().replaceAll("label_values\\((\\w+),.*", "$1");
                assertThat(emitted).as("variable " + variable.get("name").asString()).contains(metric);
            }
        }
        assertThat(unknown).as("metrics named in deploy/observability that no process emits").isEmpty();
    }

    /** What is wrong with {@code entry} between the two scrapes, if anything. */
    private static List<String> check(Entry entry, Map<String, Scrape> before, Map<String, Scrape> after) {
        List<String> wrong = new ArrayList<>();
        String series = entry.type().equals("gauge") ? entry.name() : entry.movingSeries();
        List<Sample> found = new ArrayList<>();
        for (String process : entry.processes()) {
            List<Sample> samples = after.get(process).series(series);
            if (entry.type().equals("gauge") && samples.isEmpty()) {
                wrong.add(series + " missing in " + process);
            }
            samples.stream().filter(sample -> !process.equals(sample.labels().get("application")))
                    .forEach(sample -> wrong.add(series + " in " + process + " tagged " + sample.labels()));
            found.addAll(samples);
        }
        if (found.isEmpty()) {
            wrong.add(series + " missing in " + entry.processes());
        } else if (found.stream().noneMatch(sample -> sample.labels().keySet().containsAll(entry.tags()))) {
            wrong.add(series + " never has the tags " + entry.tags() + ": " + found.get(0).labels());
        }
        if (!entry.type().equals("gauge")) {
            double was = entry.processes().stream().mapToDouble(process -> before.get(process).sum(series)).sum();
            double is = entry.processes().stream().mapToDouble(process -> after.get(process).sum(series)).sum();
            if (is <= was) {
                wrong.add(series + " did not move (" + was + " -> " + is + ")");
            }
        }
        return wrong;
    }

    /**
     * Redis stops for a moment: the gateway decides a request's limits in its own memory and says so.
     * The Redis of this JVM is restarted before the test goes on.
     */
    private static void redisBlip(Developer developer) {
        EmbeddedRedisServer redis = TestInfrastructure.stoppableRedis();
        redis.stop();
        try {
            assertThat(as(developer.test(), "GET", "/v1/auth/me", null).status()).isEqualTo(200);
        } finally {
            redis.restart();
        }
    }

    private static Map<String, Scrape> scrapeAll() {
        Map<String, Scrape> scrapes = new LinkedHashMap<>();
        PROCESSES.forEach((name, service) -> scrapes.put(name, Scrape.of(name, SystemStack.management(service))));
        return scrapes;
    }

    private static void expire(String pauseId) throws Exception {
        PostgresAccess postgres = TestInfrastructure.postgres();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("pause_service"), postgres.username(),
                postgres.password());
                PreparedStatement expire = db.prepareStatement("UPDATE pause SET expires_at = now() WHERE id = ?")) {
            expire.setString(1, pauseId);
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }
}
