package dev.pausepoint.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventMother;
import dev.pausepoint.events.Topics;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.kit.mail.EnableMail;
import dev.pausepoint.kit.plan.EnablePlans;
import dev.pausepoint.kit.token.EnableResponseTokens;
import dev.pausepoint.testsupport.KafkaProbe;
import dev.pausepoint.testsupport.KafkaProbe.Keyed;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/**
 * What every servlet service must show on real infrastructure: it runs on its own database with its
 * migrations applied, reports healthy, speaks the event contract over a real broker, answers an unknown
 * path with the error envelope, and holds the kit's domain pieces it enables and no others. A service's
 * startup test extends this and names its tables and those pieces.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET)
@RealInfrastructure
public abstract class ServiceStartupContract {

    /**
     * Each opt-in piece of the kit: the annotation that enables it, the bean it brings (by name, so that
     * a service without the SendGrid SDK need not load the mailer's class) and a setting only it brings.
     */
    private record Piece(Class<? extends Annotation> enabledBy, String bean, String setting) {
    }

    private static final List<Piece> PIECES = List.of(
            new Piece(EnablePlans.class, "dev.pausepoint.kit.plan.PlanCatalog", "pausepoint.plans.free.channels[0]"),
            new Piece(EnableResponseTokens.class, "dev.pausepoint.kit.token.ResponseTokenCodec", null),
            new Piece(EnableMail.class, "dev.pausepoint.kit.mail.SendGridMailer", "pausepoint.sendgrid.from-name"));

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private ProducerFactory<String, Event> producerFactory;

    @Autowired
    private ConsumerFactory<String, Event> consumerFactory;

    @Autowired
    private KafkaAdmin kafkaAdmin;

    @Autowired
    protected RequestSigner signer;

    @Autowired
    private ConfigurableApplicationContext context;

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Value("${pausepoint.database}")
    private String database;

    /** The tables this service's migrations must have created. */
    protected abstract Set<String> ownTables();

    /** The kit's opt-in pieces this service enables on its application class; none unless it says so. */
    protected Set<Class<? extends Annotation>> enabledPieces() {
        return Set.of();
    }

    @Test
    void runsOnItsOwnDatabaseWithMigrationsApplied() {
        assertThat(jdbc.sql("SELECT current_database()").query(String.class).single()).isEqualTo(database);
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single())
                .isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success").query(Integer.class).single())
                .isZero();
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .query(String.class).list();
        assertThat(tables).containsAll(ownTables());
    }

    @Test
    void healthReportsUpOnTheManagementPortAndReadinessOnThePublicOne() throws Exception {
        assertThat(managementPort).as("actuator has a port of its own").isNotEqualTo(port);
        HttpResponse<String> health = unsigned(managementPort, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(unsigned(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        // The gateway's /health and orchestrators probe these unsigned on the service's public port.
        assertThat(unsigned(port, "/readyz").statusCode()).isEqualTo(200);
        assertThat(unsigned(port, "/livez").statusCode()).isEqualTo(200);
    }

    /** The gateway's pool keeps its connections: Tomcat's default would close each after 100 requests. */
    @Test
    void keptAliveConnectionsHaveNoRequestCap() {
        assertThat(context.getEnvironment().getRequiredProperty("server.tomcat.max-keep-alive-requests", Integer.class))
                .isEqualTo(-1);
    }

    @Test
    void prometheusIsServedOnTheManagementPortOnly() throws Exception {
        HttpResponse<String> scrape = unsigned(managementPort, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("application=\"" + context.getEnvironment()
                .getRequiredProperty("spring.application.name") + "\"");
        for (String path : List.of("/actuator/prometheus", "/actuator/health")) {
            HttpResponse<String> publicPort = unsigned(port, path);
            assertThat(publicPort.statusCode()).as(path).isEqualTo(404);
            assertThat(publicPort.body()).as(path).contains("\"error\":\"NOT_FOUND\"");
        }
    }

    private static HttpResponse<String> unsigned(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownPathAnswersWithTheErrorEnvelope() throws Exception {
        HttpResponse<String> reply = get("/no/such/thing");
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo(
                "{\"error\":\"NOT_FOUND\",\"message\":\"No endpoint GET /no/such/thing.\",\"status_code\":404}");
    }

    /**
     * What Tomcat refuses before Spring runs (a NUL or an invalid character in the path, a bad escape, a
     * request that is not HTTP) is answered in the envelope too, never with Tomcat's HTML page. The
     * gateway refuses all of these first; this is the service's own line of defence.
     */
    @ParameterizedTest
    @ValueSource(strings = {"GET /no/such%00thing HTTP/1.1", "GET /no/such{thing} HTTP/1.1",
            "GET /no/such%zzthing HTTP/1.1", "GET /no/such/thing HTTP/1.1\r\nBad Header Name: x",
            "GET /../thing HTTP/1.1", "NOT HTTP AT ALL"})
    void refusalsTheContainerMakesBeforeSpringAreInTheEnvelope(String head) {
        RawHttpConnection.Response reply = RawHttpConnection.exchange(port,
                head.replace("\\r\\n", "\r\n") + "\r\nHost: localhost\r\n\r\n");
        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.header("content-type")).as(reply.body()).startsWith("application/json");
        assertThat(reply.body()).startsWith("{\"error\":\"").contains("\"status_code\":" + reply.status())
                .doesNotContain("<", "Tomcat", "Exception");
    }

    @Test
    void requestThatDidNotComeThroughTheGatewayIsRefused() throws Exception {
        HttpResponse<String> reply = send("/no/such/thing", Map.of());
        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.body()).isEqualTo("{\"error\":\"INVALID_API_KEY\",\"message\":\"This service only accepts "
                + "requests forwarded by the PausePoint gateway.\",\"status_code\":401}");
    }

    @Test
    void logLinesCarryTheTraceAndRequestIds(CapturedOutput output) throws Exception {
        send("/no/such/thing", Map.of("X-Request-Id", "trace-startup-0001",
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"));
        // The caller's trace (even unsampled), a span of this service's own, the request id.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "\\[4bf92f3577b34da6a3ce929d0e0e4736,(?!00f067aa0ba902b7)[0-9a-f]{16},trace-startup-0001\\] "
                        + ".*Refused GET /no/such/thing"));
    }

    @Test
    void identityClaimedWithoutTheSecretIsRefused() throws Exception {
        RequestSigner forger = new RequestSigner("a-guess-at-the-secret-that-is-long-enough");
        CallerIdentity claimed = new CallerIdentity("dev_victim", KeyMode.LIVE, "pro", CredentialKind.API_KEY, "1.2.3.4");
        assertThat(send("/no/such/thing", forger.signIdentity(claimed, "GET", "/no/such/thing")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void internalPathsNeedAnInternalCredentialNotAnIdentity() throws Exception {
        String path = "/internal/no-such-endpoint";
        assertThat(send(path, signer.signIdentity(CallerIdentity.anonymous("127.0.0.1"), "GET", path)).statusCode())
                .isEqualTo(401);
        assertThat(send(path, signer.signInternalCall("test", "GET", path)).statusCode()).isEqualTo(404);
    }

    @Test
    void holdsTheKitsDomainPiecesItEnablesAndNoOthers() {
        Set<String> beanTypes = Arrays.stream(context.getBeanDefinitionNames()).map(context::getType)
                .filter(Objects::nonNull).map(Class::getName).collect(Collectors.toSet());
        for (Piece piece : PIECES) {
            boolean enabled = enabledPieces().contains(piece.enabledBy());
            String name = "@" + piece.enabledBy().getSimpleName();
            assertThat(beanTypes.contains(piece.bean())).as(name + " bean").isEqualTo(enabled);
            if (piece.setting() != null) {
                assertThat(context.getEnvironment().containsProperty(piece.setting())).as(name + " settings")
                        .isEqualTo(enabled);
            }
        }
    }

    @Test
    void contractTopicsExistOnTheBroker() {
        Set<String> topics = kafkaAdmin.describeTopics(Topics.ALL.toArray(String[]::new)).keySet();
        assertThat(topics).containsAll(Topics.ALL);
    }

    @Test
    void eventsRoundTripThroughKafkaWithTheContractSerde() {
        List<Keyed> sent = Stream.of(EventMother.pauseCreated(), EventMother.apiKeyRotated(), EventMother.webhookDeleted())
                .map(event -> new Keyed(event.key(), event)).toList();
        List<Keyed> received = KafkaProbe.roundTrip(producerFactory.getConfigurationProperties(),
                consumerFactory.getConfigurationProperties(), sent);
        assertThat(received).containsExactlyElementsOf(sent);
    }

    /** A GET as the gateway would forward it for an anonymous caller. */
    protected HttpResponse<String> get(String path) throws Exception {
        return send(path, signer.signIdentity(CallerIdentity.anonymous("127.0.0.1"), "GET", path));
    }

    protected HttpResponse<String> send(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
