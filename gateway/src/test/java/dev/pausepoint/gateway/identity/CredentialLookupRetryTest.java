package dev.pausepoint.gateway.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.testsupport.TestSecrets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The credential lookup is a read: a connection to billing-service that fails before any answer (a pooled
 * connection billing closed, a copy that just stopped) is tried once more instead of turning a valid key
 * into a 503; an answer, even a failing one, is never asked again.
 */
class CredentialLookupRetryTest {

    private static final String PATH = "/internal/credentials/lookup";
    private static final String KNOWN = "{\"developer_id\":\"dev_1\",\"mode\":\"live\",\"plan\":\"free\","
            + "\"credential\":\"api_key\",\"account_name\":\"Zoë 🚀\"}";

    @RegisterExtension
    static final WireMockExtension BILLING = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private final CredentialLookup lookup = new CredentialLookup(URI.create(BILLING.baseUrl()), List.of(),
            new RequestSigner(TestSecrets.INTERNAL_SECRET));
    private final BearerCredential key = new BearerCredential(CredentialKind.API_KEY, "a".repeat(64));

    @Test
    void aConnectionResetBeforeTheAnswerIsTriedOnceMore() {
        BILLING.stubFor(post(urlEqualTo(PATH)).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        BILLING.stubFor(post(urlEqualTo(PATH)).inScenario("reset").whenScenarioStateIs("up").willReturn(okJson(KNOWN)));

        Optional<ResolvedCredential> resolved = lookup.lookup(key).block(Duration.ofSeconds(10));

        assertThat(resolved).contains(new ResolvedCredential("dev_1", KeyMode.LIVE, "free", CredentialKind.API_KEY,
                "Zoë 🚀"));
        BILLING.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aConnectionThatFailsTwiceIsServiceUnavailableAfterOneRetry() {
        BILLING.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        assertThatThrownBy(() -> lookup.lookup(key).block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        BILLING.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void anAnsweredFailureIsNotAskedAgain() {
        BILLING.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> lookup.lookup(key).block(Duration.ofSeconds(10))).isInstanceOf(ApiException.class);
        BILLING.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }
}
