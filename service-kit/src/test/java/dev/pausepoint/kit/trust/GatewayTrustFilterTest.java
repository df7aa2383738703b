package dev.pausepoint.kit.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.testsupport.TestSecrets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The identity contract says why a request is untrusted; the filter answers with the envelope and names
 * no reason, so a caller probing the service learns nothing about what it got wrong.
 */
class GatewayTrustFilterTest {

    private static final String REFUSAL = "{\"error\":\"INVALID_API_KEY\",\"message\":\"This service only accepts "
            + "requests forwarded by the PausePoint gateway.\",\"status_code\":401}";

    private final RequestSigner signer = new RequestSigner(TestSecrets.INTERNAL_SECRET);
    private final GatewayTrustFilter filter = new GatewayTrustFilter(signer);

    @Test
    void everyRefusalIsTheSameEnvelopeWhateverTheReason() throws Exception {
        Map<String, String> forged = new RequestSigner("a-guess-at-the-secret-that-is-long-enough").signIdentity(
                CallerIdentity.anonymous("203.0.113.9"), "GET", "/v1/pause");
        for (Map<String, String> headers : List.of(Map.<String, String>of(), forged)) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/pause");
            headers.forEach(request::addHeader);
            MockHttpServletResponse refused = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, refused, chain);
            assertThat(chain.getRequest()).as("the request goes no further").isNull();
            assertThat(refused.getStatus()).isEqualTo(401);
            assertThat(refused.getContentType()).startsWith("application/json");
            assertThat(refused.getContentAsString()).isEqualTo(REFUSAL);
        }
    }

    @Test
    void aSignedIdentityPassesOnWithTheVerifiedCaller() throws Exception {
        CallerIdentity developer = new CallerIdentity("dev_1", KeyMode.TEST, "free", CredentialKind.API_KEY,
                "203.0.113.9");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/pause");
        signer.signIdentity(developer, "GET", "/v1/pause").forEach(request::addHeader);
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
        assertThat(request.getAttribute(GatewayTrustFilter.CALLER)).isEqualTo(developer);
    }
}
