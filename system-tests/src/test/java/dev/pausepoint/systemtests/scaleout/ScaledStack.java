package dev.pausepoint.systemtests.scaleout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.ServiceFleet;
import dev.pausepoint.localstack.Workspace;
import dev.pausepoint.testsupport.PaddleNotifications;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Two instances of every service, gateways included, on this JVM's one Postgres, Kafka and Redis, each
 * URL variable listing both instances, so every gateway and every internal client balances over two.
 * Outside it, one WireMock server plays Twilio, SendGrid and the developers' webhook receivers (on
 * {@link #RECEIVER_HOST}). Started once per JVM: the scale-out execution's own (docs/scale-out.md).
 */
final class ScaledStack {

    /** Where webhook receivers listen: loopback, allowed to delivery-service over http here only. */
    static final String RECEIVER_HOST = "127.0.0.2";
    static final String STARTER_PRICE = "pri_scale_out_starter";
    static final String TWILIO_SID = "AC0000000000000000000000000000scale";
    static final String TWILIO_MESSAGES = "/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json";
    static final String SENDGRID_SEND = "/v3/mail/send";
    static final Path LOGS = Path.of("target", "scale-out-logs").toAbsolutePath();

    private static ServiceFleet fleet;
    private static WireMockServer outside;
    private static Duration startup;

    private ScaledStack() {
    }

    static synchronized ServiceFleet fleet() {
        if (fleet == null) {
            long start = System.nanoTime();
            outside = startOutside();
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);
            for (Service service : Service.api()) {
                ports.put(service, FreePorts.next());
                managementPorts.put(service, FreePorts.next());
            }
            ServiceFleet started = ServiceFleet.start(new ServiceFleet.Config(Workspace.locate(), LOGS,
                    TestInfrastructure.postgres(), TestInfrastructure.kafka(), TestInfrastructure.redis(), ports,
                    managementPorts, TestSecrets.INTERNAL_SECRET, ServiceFleet.DEFAULT_JVM_OPTIONS,
                    environment(outside.port()), 2));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                outside.stop();
            }, "stop-scaled-stack"));
            started.awaitHealthy(Duration.ofSeconds(300), status -> System.out.println("waiting for the scaled "
                    + "stack: " + status));
            startup = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("Scaled stack (2 x 5 services) healthy after " + startup.toSeconds() + " s");
            fleet = started;
        }
        return fleet;
    }

    static WireMockServer outside() {
        fleet();
        return outside;
    }

    private static WireMockServer startOutside() {
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(64));
        server.start();
        server.stubFor(post(urlEqualTo(TWILIO_MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"sid": "SM00000000000000000000000000000001", "account_sid": "%s", "status": "queued"}"""
                        .formatted(TWILIO_SID))));
        server.stubFor(post(urlEqualTo(SENDGRID_SEND)).willReturn(aResponse().withStatus(202)
                .withHeader("X-Message-Id", "scale-out-message")));
        server.stubFor(post(urlPathMatching("/hooks/.*")).willReturn(aResponse().withStatus(200)));
        return server;
    }

    private static Map<String, String> environment(int outsidePort) {
        String outside = "http://localhost:" + outsidePort;
        return Map.ofEntries(
                // The tests are the proxy (each request names a client address of its own), as in SystemStack.
                Map.entry("TRUSTED_PROXIES", "127.0.0.1/32,::1/128"),
                Map.entry("DELIVERY_INSECURE_HOSTS", RECEIVER_HOST),
                Map.entry("PADDLE_API_KEY", "pdl_sdbx_apikey_scale_out"),
                Map.entry("PADDLE_WEBHOOK_SECRET", PaddleNotifications.SECRET),
                Map.entry("PADDLE_PRICE_STARTER", STARTER_PRICE),
                Map.entry("PADDLE_PRICE_PRO", "pri_scale_out_pro"),
                Map.entry("TWILIO_ACCOUNT_SID", TWILIO_SID),
                Map.entry("TWILIO_AUTH_TOKEN", "scale-out-twilio-token"),
                Map.entry("TWILIO_FROM_NUMBER", "+15005550006"),
                Map.entry("TWILIO_BASE_URL", outside),
                Map.entry("SENDGRID_API_KEY", "SG.scale-out"),
                Map.entry("SENDGRID_FROM_EMAIL", "pausepoint@example.com"),
                Map.entry("SENDGRID_BASE_URL", outside),
                // Evidence that each instance did work: every gateway logs the instance it chose for each
                // request, and every service instance writes an access log of its own, named by its port.
                // (As JSON: a logger's name is case-sensitive, and a LOGGING_LEVEL_* variable is read in lower case.)
                Map.entry("SPRING_APPLICATION_JSON", "{\"logging.level.org.springframework.cloud.gateway.filter."
                        + "ReactiveLoadBalancerClientFilter\":\"TRACE\"}"),
                Map.entry("SERVER_TOMCAT_ACCESSLOG_ENABLED", "true"),
                Map.entry("SERVER_TOMCAT_ACCESSLOG_DIRECTORY", LOGS.toString()),
                Map.entry("SERVER_TOMCAT_ACCESSLOG_PREFIX", "access-${server.port}"),
                Map.entry("SERVER_TOMCAT_ACCESSLOG_SUFFIX", ".log"),
                Map.entry("SERVER_TOMCAT_ACCESSLOG_ROTATE", "false"),
                Map.entry("SERVER_TOMCAT_ACCESSLOG_BUFFERED", "false"),
                Map.entry("SERVER_TOMCAT_ACCESSLOG_PATTERN", "%m %U %s"));
    }

    /** The access log of the service instance listening on {@code port}. */
    static Path accessLog(int port) {
        return LOGS.resolve("access-" + port + ".log");
    }

    static Duration startup() {
        fleet();
        return startup;
    }
}
