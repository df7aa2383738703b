package dev.pausepoint.response;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.SignedServiceTest;
import dev.pausepoint.kit.token.ResponseTokenCodec;
import dev.pausepoint.testsupport.MutableClock;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.spring.MutableClockConfiguration;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * response-service on real Postgres, reached as the gateway would reach it (signed anonymous identity),
 * with pause-service's internal API played by a WireMock server. What pause-service itself does with a
 * response (the conditional transition, the race) is tested in pause-service; the two together, behind
 * the real gateway, in the system tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET})
@RealInfrastructure
@Import(MutableClockConfiguration.class)
public abstract class ResponseApiTest extends SignedServiceTest {

    /** The responder as the gateway names them: anonymous, with their address. */
    protected static final CallerIdentity HUMAN = CallerIdentity.anonymous("198.51.100.77");

    protected static final WireMockServer PAUSE_SERVICE = new WireMockServer(options().dynamicPort());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        PAUSE_SERVICE.start();
        Runtime.getRuntime().addShutdownHook(new Thread(PAUSE_SERVICE::stop));
    }

    @DynamicPropertySource
    static void pauseService(DynamicPropertyRegistry registry) {
        registry.add("pausepoint.services.pause-service", () -> "http://localhost:" + PAUSE_SERVICE.port());
    }

    @Autowired
    protected ResponseTokenCodec tokens;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    @AfterEach
    void thawClock() {
        clock.thaw();
    }

    /** A pause as pause-service's internal API describes it; tests change what they need. */
    protected record StoredPause(String pauseId, String status, String message, List<String> options,
            boolean allowTextResponse, Instant expiresAt, String responseChoice, Instant responseAt,
            String timeoutDefault, String accountName, String agentName) {

        public static StoredPause pending() {
            return new StoredPause("psr_" + UUID.randomUUID(), "pending", "Deploy build 42 to production?",
                    List.of("Approve", "Reject"), false, Instant.now().plus(1, ChronoUnit.HOURS)
                    .truncatedTo(ChronoUnit.SECONDS), null, null, null, null, null);
        }

        public StoredPause withStatus(String newStatus, String choice) {
            return new StoredPause(pauseId, newStatus, message, options, allowTextResponse, expiresAt, choice,
                    choice == null ? null : Instant.parse("2026-11-25T10:00:00Z"), timeoutDefault, accountName,
                    agentName);
        }

        public StoredPause withMessage(String newMessage, List<String> newOptions, boolean allowText) {
            return new StoredPause(pauseId, status, newMessage, newOptions, allowText, expiresAt, responseChoice,
                    responseAt, timeoutDefault, accountName, agentName);
        }

        /** Who asks, and the option a timeout applies. */
        public StoredPause withAsker(String account, String agent, String defaultChoice, Instant expires) {
            return new StoredPause(pauseId, status, message, options, allowTextResponse, expires, responseChoice,
                    responseAt, defaultChoice, account, agent);
        }

        public String json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("pause_id", pauseId);
            body.put("developer_id", "dev_" + pauseId.substring(4));
            body.put("livemode", false);
            body.put("status", status);
            body.put("message", message);
            body.put("options", options);
            body.put("allow_text_response", allowTextResponse);
            body.put("expires_at", expiresAt.toString());
            body.put("response_choice", responseChoice);
            body.put("response_text", null);
            body.put("response_at", responseAt == null ? null : responseAt.toString());
            body.put("timeout_default", timeoutDefault);
            body.put("account_name", accountName);
            body.put("agent_name", agentName);
            return JSON.writeValueAsString(body);
        }
    }

    /** pause-service knows {@code pause} as it is now; returns the token of its link. */
    protected String stored(StoredPause pause) {
        findAnswers(pause, 200, pause.json());
        return tokens.issue(pause.pauseId(), pause.expiresAt());
    }

    /** pause-service answers a read of {@code pause} with {@code status} and {@code body}. */
    protected static void findAnswers(StoredPause pause, int status, String body) {
        PAUSE_SERVICE.stubFor(get(urlEqualTo("/internal/pauses/" + pause.pauseId())).willReturn(json(status, body)));
    }

    /** pause-service answers a response to {@code pause} with {@code status} and {@code body}. */
    protected static void respondAnswers(StoredPause pause, int status, String body) {
        PAUSE_SERVICE.stubFor(post(urlEqualTo(respondPath(pause.pauseId()))).willReturn(json(status, body)));
    }

    /** pause-service drops the connection when asked to record a response to {@code pause}. */
    protected static void respondFails(StoredPause pause) {
        PAUSE_SERVICE.stubFor(post(urlEqualTo(respondPath(pause.pauseId())))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    protected static String error(String code, int status, String message) {
        return "{\"error\":\"" + code + "\",\"message\":\"" + message + "\",\"status_code\":" + status + "}";
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** How many times pause-service was asked to record a response to {@code pause}. */
    protected static int responsesRecorded(StoredPause pause) {
        return PAUSE_SERVICE.findAll(postRequestedFor(urlEqualTo(respondPath(pause.pauseId())))).size();
    }

    protected int ledgerRows(StoredPause pause) {
        return jdbc.sql("SELECT count(*) FROM used_token WHERE pause_id = ?").param(pause.pauseId())
                .query(Integer.class).single();
    }

    protected static String respondPath(String pauseId) {
        return "/internal/pauses/" + pauseId + "/response";
    }
}
