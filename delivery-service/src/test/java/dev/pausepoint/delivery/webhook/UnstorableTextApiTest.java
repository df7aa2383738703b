package dev.pausepoint.delivery.webhook;

import static dev.pausepoint.kit.UnstorableText.MARK;
import static dev.pausepoint.kit.UnstorableText.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.delivery.DeliveryApiTest;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.UnstorableText.Bad;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every string of a webhook registration with text Postgres cannot hold (or, for the secret, that the
 * signing key would silently lose): a 422 naming the field, and no endpoint registered.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnstorableTextApiTest extends DeliveryApiTest {

    private static final String SECRET = "whsec-0123456789abcdef";

    static Stream<Arguments> registrations() {
        String url = receiver("/hooks/unstorable");
        Stream<Arguments> fields = Stream.of(
                Arguments.of("url", """
                        {"url": "%s?x=%s", "secret": "%s"}""".formatted(url, MARK, SECRET)),
                Arguments.of("events[1]", """
                        {"url": "%s", "events": ["pause.responded", "pause.%s"], "secret": "%s"}"""
                        .formatted(url, MARK, SECRET)),
                Arguments.of("secret", """
                        {"url": "%s", "secret": "%s%s"}""".formatted(url, SECRET, MARK)),
                Arguments.of("description", """
                        {"url": "%s", "secret": "%s", "description": "%s"}""".formatted(url, SECRET, MARK)));
        return fields.flatMap(args -> Stream.of(Bad.values())
                .map(bad -> Arguments.of(args.get()[0], args.get()[1], bad)));
    }

    private int endpointsOf(CallerIdentity caller) {
        return jdbc.sql("SELECT count(*) FROM webhook_endpoint WHERE developer_id = ?").param(caller.developerId())
                .query(Integer.class).single();
    }

    @ParameterizedTest(name = "{0} with {2}")
    @MethodSource("registrations")
    void registrationRefusesTheFieldAndStoresNothing(String field, String template, Bad bad, CapturedOutput output) {
        CallerIdentity caller = developer(KeyMode.LIVE);
        assertRefused(client.postJson("/v1/webhooks", bad.in(template), caller), field, bad.issue);
        assertThat(endpointsOf(caller)).isZero();
        assertThat(output.getAll()).doesNotContain("Unhandled failure");
    }

    @Test
    void theSameBodyWithoutTheBadTextIsRegistered() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String template = """
                {"url": "%s", "events": ["pause.responded"], "secret": "%s%s"}"""
                .formatted(receiver("/hooks/fine"), SECRET, MARK);
        assertThat(client.postJson("/v1/webhooks", template.replace(MARK, "\\u00e9\\ud83d\\ude80"), caller).status())
                .isEqualTo(201);
        assertThat(endpointsOf(caller)).isOne();
    }

    @Test
    void pathIdsAndTheLimitAreCheckedBeforeAnyLookup(CapturedOutput output) {
        CallerIdentity caller = developer(KeyMode.LIVE);
        assertRefused(client.get("/v1/webhooks/whk_1/deliveries?limit=%ED%A0%80", caller), "query",
                "must be percent-encoded UTF-8");
        for (String id : new String[] {"whk_%00", "whk_%ED%A0%80", "whk_%FF"}) {
            assertRefused(client.send("DELETE", "/v1/webhooks/" + id, null, null, caller), "request", "is malformed");
            assertRefused(client.get("/v1/webhooks/" + id + "/deliveries", caller), "request", "is malformed");
        }
        assertThat(output.getAll()).doesNotContain("Unhandled failure");
    }
}
