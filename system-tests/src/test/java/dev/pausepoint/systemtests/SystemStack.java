package dev.pausepoint.systemtests;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.ServiceFleet;
import dev.pausepoint.localstack.Workspace;
import dev.pausepoint.testsupport.PaddleNotifications;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The whole system for this test JVM: the service jars the build just produced, started once as
 * separate processes on free ports against this JVM's real Postgres, Kafka and Redis.
 */
final class SystemStack {

    /** Where tests run webhook receivers: loopback, allowed to delivery-service by configuration here only. */
    static final String RECEIVER_HOST = "127.0.0.2";

    /** The Paddle price id of the starter plan in this stack. */
    static final String STARTER_PRICE = "pri_system_tests_starter";

    /** Paddle's API and its checkout page, for the stack's billing-service and the dashboard's upgrade. */
    private static WireMockServer paddle;

    private static ServiceFleet fleet;
    private static Map<Service, Integer> ports;
    private static Map<Service, Integer> managementPorts;

    private SystemStack() {
    }

    static synchronized ServiceFleet fleet() {
        if (fleet == null) {
            ports = new EnumMap<>(Service.class);
            managementPorts = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                ports.put(service, FreePorts.next());
                managementPorts.put(service, FreePorts.next());
            }
            ServiceFleet started = ServiceFleet.start(new ServiceFleet.Config(Workspace.locate(),
                    Path.of("target", "stack-logs"), TestInfrastructure.postgres(), TestInfrastructure.kafka(),
                    TestInfrastructure.redis(), ports, managementPorts, TestSecrets.INTERNAL_SECRET,
                    ServiceFleet.DEFAULT_JVM_OPTIONS,
                    // The tests are the proxy: each request names a client address of its own, so the
                    // per-IP limits (tested in the gateway module) do not throttle the whole suite.
                    // Webhook receivers listen on 127.0.0.2, the one host delivery may reach over http.
                    // Paddle is configured (its notifications are signed with the tests' secret, its API is
                    // a WireMock server whose checkout links the dashboard may send a browser to), and paid
                    // time is checked every second so a cancellation's end is seen quickly.
                    Map.ofEntries(Map.entry("TRUSTED_PROXIES", "127.0.0.1/32,::1/128"),
                            Map.entry("DELIVERY_INSECURE_HOSTS", RECEIVER_HOST),
                            Map.entry("PADDLE_API_KEY", "pdl_sdbx_apikey_system_tests"),
                            Map.entry("PADDLE_BASE_URL", paddle().baseUrl()),
                            Map.entry("DASHBOARD_CHECKOUT_ORIGINS", paddle().baseUrl()),
                            Map.entry("PADDLE_WEBHOOK_SECRET", PaddleNotifications.SECRET),
                            Map.entry("PADDLE_PRICE_STARTER", STARTER_PRICE),
                            Map.entry("PADDLE_PRICE_PRO", "pri_system_tests_pro"),
                            Map.entry("PADDLE_ENTITLEMENT_SWEEP_INTERVAL", "1s"),
                            // The MCP server reports progress and checks its callers every second, so a
                            // cancelled wait is released within seconds (McpServerSystemTest).
                            Map.entry("PAUSEPOINT_MCP_PROGRESS_INTERVAL", "1s"))));
            started.awaitHealthy(Duration.ofSeconds(240), status -> System.out.println("waiting for stack: " + status));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-system-stack"));
            fleet = started;
        }
        return fleet;
    }

    /**
     * Paddle for this stack: {@code POST /transactions} answers a transaction whose checkout link is this
     * server's {@code /checkout} page, as Paddle's default payment link would be.
     */
    static synchronized WireMockServer paddle() {
        if (paddle == null) {
            WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                    .dynamicPort());
            server.start();
            server.stubFor(WireMock.post("/transactions").willReturn(WireMock.okJson("""
                    {"data": {"id": "txn_system_tests", "status": "ready",
                     "checkout": {"url": "%s/checkout?_ptxn=txn_system_tests"}}}""".formatted(server.baseUrl()))));
            server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/checkout")).willReturn(WireMock.aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<!doctype html><html lang=\"en\"><head><title>Paddle checkout</title></head>"
                            + "<body><h1>Paddle checkout</h1></body></html>")));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-paddle"));
            paddle = server;
        }
        return paddle;
    }

    static URI gateway() {
        return fleet().gatewayUrl();
    }

    /** The gateway's actuator, on its own port. */
    static URI gatewayManagement() {
        return management(Service.GATEWAY);
    }

    /** A process's actuator (probes, /actuator/prometheus), on its own port. */
    static URI management(Service service) {
        return fleet().managementUrl(service);
    }

    static Map<Service, Integer> ports() {
        fleet();
        return ports;
    }
}
