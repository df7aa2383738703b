package dev.pausepoint.systemtests.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.ServiceFleet;
import dev.pausepoint.localstack.Workspace;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The five services against this JVM's Postgres, Kafka and Redis (which the suite can stop), with
 * Twilio aimed at a WireMock server so every SMS is counted, and the retry schedules shortened so a
 * provider or receiver that comes back is tried again within seconds rather than the production
 * schedule's minutes (that is the schedule's business, not recovery's).
 */
final class FaultStack implements AutoCloseable {

    private static final String TWILIO_SID = "ACfaultsuite0000000000000000000000";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json";

    final WireMockServer twilio = new WireMockServer(options().dynamicPort().templatingEnabled(true));
    final ServiceFleet fleet;
    private StubMapping outage;

    private FaultStack() {
        twilio.start();
        twilio.stubFor(post(urlPathMatching(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"SM{{randomValue length=32 type='ALPHANUMERIC'}}\", \"status\": \"queued\"}")
                .withTransformers("response-template")));
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);
        for (Service service : Service.api()) {
            ports.put(service, FreePorts.next());
            managementPorts.put(service, FreePorts.next());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("TRUSTED_PROXIES", "127.0.0.1/32,::1/128");
        environment.put("DELIVERY_INSECURE_HOSTS", WebhookReceiver.HOST);
        environment.put("TWILIO_ACCOUNT_SID", TWILIO_SID);
        environment.put("TWILIO_AUTH_TOKEN", "fault-suite-token");
        environment.put("TWILIO_FROM_NUMBER", "+15005550006");
        environment.put("TWILIO_BASE_URL", "http://localhost:" + twilio.port());
        environment.put("PAUSEPOINT_DELIVERY_NOTIFICATIONRETRYDELAYS", schedule());
        environment.put("PAUSEPOINT_DELIVERY_WEBHOOKRETRYDELAYS", schedule());
        environment.put("PAUSEPOINT_DELIVERY_JITTER", "0");
        // The load is one developer's: the per-key limits and the free plan's quota would stop it.
        environment.put("PAUSEPOINT_PLANS_FREE_PAUSESPERMONTH", "1000000");
        environment.put("PAUSEPOINT_GATEWAY_RATELIMITS_APIKEY", "1000000");
        environment.put("PAUSEPOINT_GATEWAY_RATELIMITS_PLANS_FREE_APIKEY", "1000000");
        environment.putAll(extraEnvironment());
        fleet = ServiceFleet.start(new ServiceFleet.Config(Workspace.locate(), Path.of("target", "fault-suite-logs"),
                TestInfrastructure.postgres(), TestInfrastructure.kafka(), TestInfrastructure.redis(), ports,
                managementPorts, TestSecrets.INTERNAL_SECRET, ServiceFleet.DEFAULT_JVM_OPTIONS, environment));
    }

    static FaultStack start() {
        FaultStack stack = new FaultStack();
        try {
            stack.awaitHealthy();
        } catch (RuntimeException e) {
            // A copy that failed to start must not leave the others running after the test JVM.
            stack.close();
            throw e;
        }
        return stack;
    }

    /**
     * {@code PAUSEPOINT_FAULT_SUITE_ENV}: {@code NAME=value} pairs, comma-separated, for every service; how
     * the suite measures an alternative, e.g. {@code INSTANCE_ID=,KAFKA_SESSION_TIMEOUT_MS=45000} for
     * dynamic membership with Kafka's default session (docs/decisions/0007-kafka-consumer-recovery.md).
     */
    private static Map<String, String> extraEnvironment() {
        Map<String, String> extra = new LinkedHashMap<>();
        String configured = System.getenv("PAUSEPOINT_FAULT_SUITE_ENV");
        if (configured != null && !configured.isBlank()) {
            for (String pair : configured.split(",")) {
                int equals = pair.indexOf('=');
                extra.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        return extra;
    }

    /** 2 s, then every 4 s for two minutes: longer than any outage in the suite, so nothing runs out of attempts. */
    private static String schedule() {
        return "2s," + String.join(",", Collections.nCopies(30, "4s"));
    }

    void awaitHealthy() {
        fleet.awaitHealthy(Duration.ofSeconds(240), status -> System.out.println("waiting for stack: " + status));
    }

    URI gateway() {
        return fleet.gatewayUrl();
    }

    /** Twilio answers every send with a 500 until {@link #smsProviderBack()}. */
    synchronized void smsProviderDown() {
        outage = twilio.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"code\": 20500, \"status\": 500}")));
    }

    synchronized void smsProviderBack() {
        twilio.removeStub(outage);
    }

    /** SMS Twilio accepted, by the respond link each carried (the link is never cut from a message), for a link as the create answer gave it. */
    Map<String, Integer> acceptedSmsByLink() {
        Map<String, Integer> byLink = new HashMap<>();
        for (ServeEvent event : twilio.getAllServeEvents()) {
            if (event.getResponse().getStatus() / 100 != 2) {
                continue;
            }
            String body = formValue(event.getRequest().getBodyAsString(), "Body");
            int link = body.indexOf("/respond/");
            if (link < 0) {
                continue;
            }
            int start = body.lastIndexOf("http", link);
            int end = link;
            while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
                end++;
            }
            byLink.merge(body.substring(start, end), 1, Integer::sum);
        }
        return byLink;
    }

    private static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Override
    public void close() {
        fleet.close();
        twilio.stop();
    }
}
