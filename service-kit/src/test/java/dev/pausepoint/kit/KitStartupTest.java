package dev.pausepoint.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

@KitTestProperties
class KitStartupTest extends ServiceStartupContract {

    @Value("${server.tomcat.threads.max}")
    int tomcatThreads;

    @Value("${server.shutdown}")
    String shutdown;

    @Override
    protected Set<String> ownTables() {
        return Set.of("outbox_event", "processed_event", "kit_probe");
    }

    @Test
    void defaultsApplyBeneathTheServicesOwnSettings() {
        assertThat(tomcatThreads).as("kit default").isEqualTo(64);
        assertThat(shutdown).as("the service's own value wins over the kit default").isEqualTo("immediate");
    }

    /**
     * The identity contract only says that the caller is anonymous; the kit answers it with the API's 401
     * in the envelope, before common-errors' catch-all could call it a 500.
     */
    @Test
    void anonymousCallerWhereADeveloperIsNeededIsTheApis401() {
        SignedClient client = new SignedClient(port, signer);
        SignedClient.Reply anonymous = client.get("/kit-probe/developer", CallerIdentity.anonymous("203.0.113.9"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/json");
        assertThat(anonymous.body()).isEqualTo("{\"error\":\"INVALID_API_KEY\",\"message\":\"Missing or invalid "
                + "credential. Send Authorization: Bearer <your API key>.\",\"status_code\":401}");
        SignedClient.Reply developer = client.get("/kit-probe/developer",
                new CallerIdentity("dev_1", KeyMode.LIVE, "free", CredentialKind.API_KEY, "203.0.113.9"));
        assertThat(developer.status()).isEqualTo(200);
        assertThat(developer.body()).isEqualTo("dev_1");
    }
}
