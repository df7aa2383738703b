package dev.pausepoint.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One WireMock server per downstream service, answering every request with the service's name, so a
 * test can see which service a path reached. Started once per JVM.
 */
final class DownstreamStubs {

    static final List<String> SERVICE_NAMES = List.of("billing-service", "delivery-service", "pause-service",
            "response-service");
    static final Map<String, WireMockServer> SERVERS = new LinkedHashMap<>();

    static {
        for (String name : SERVICE_NAMES) {
            WireMockServer server = new WireMockServer(options().dynamicPort());
            server.start();
            SERVERS.put(name, server);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SERVERS.values().forEach(WireMockServer::stop)));
    }

    private DownstreamStubs() {
    }

    static void reset() {
        SERVERS.forEach((name, server) -> {
            server.resetAll();
            server.stubFor(any(anyUrl()).willReturn(okJson("{\"served_by\":\"" + name + "\"}")));
            server.stubFor(get(urlEqualTo("/actuator/health/readiness")).willReturn(okJson("{\"status\":\"UP\"}")));
        });
    }

    static void register(DynamicPropertyRegistry registry) {
        SERVERS.forEach((name, server) ->
                registry.add("pausepoint.services." + name, () -> "http://localhost:" + server.port()));
    }
}
