package dev.pausepoint.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.billing.BillingApiTest;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.SignedClient.Reply;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /v1/billing/plans} on an instance that sells starter and pro through Paddle. */
class PlansApiTest extends BillingApiTest {

    /** The catalogue in its order, with the caps pause creation applies and what checkout would sell. */
    static final String PLANS = """
            {"items":[\
            {"plan":"free","pauses_per_month":50,"channels":["sms"],"max_timeout_hours":24,"sold":false},\
            {"plan":"starter","pauses_per_month":500,"channels":["sms","email"],"max_timeout_hours":168,"sold":true},\
            {"plan":"pro","pauses_per_month":5000,"channels":["sms","email","slack"],"max_timeout_hours":720,"sold":true},\
            {"plan":"enterprise","pauses_per_month":null,"channels":["sms","email","slack"],"max_timeout_hours":8760,\
            "sold":false}]}""";

    @Test
    void thePlansAreTheCatalogueInOrderWithTheCapsCreateAppliesAndWhatCheckoutSells() {
        Reply reply = client.get("/v1/billing/plans", register().live());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(PLANS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"live key", "test key", "live session", "test session"})
    void everyCredentialInEitherWorldReadsTheSamePlans(String credential) {
        Account account = register();
        Function<Account, CallerIdentity> as = switch (credential) {
            case "live key" -> Account::live;
            case "test key" -> Account::test;
            case "live session" -> Account::session;
            default -> Account::testSession;
        };
        Reply reply = client.get("/v1/billing/plans", as.apply(account));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(PLANS);
    }

    @Test
    void thePlansNeedACredential() {
        assertError(client.get("/v1/billing/plans", ANONYMOUS), 401, "INVALID_API_KEY");
    }

    /** The endpoint takes no parameters: any sent are ignored, unless they hold text no endpoint accepts. */
    @Test
    void parametersAreIgnoredButNotUnstorableText() {
        Account account = register();
        Reply ignored = client.get("/v1/billing/plans?limit=-1&offset=99999999999999999999&plan=pro%20OR%201=1",
                account.live());
        assertThat(ignored.status()).as(ignored.body()).isEqualTo(200);
        assertThat(ignored.body()).isEqualTo(PLANS);

        Reply nul = client.get("/v1/billing/plans?plan=pro%00", account.live());
        assertError(nul, 422, "VALIDATION_ERROR");
        assertThat(nul.json().get("detail").get(0).get("field").asString()).isEqualTo("plan");
        Reply broken = client.get("/v1/billing/plans?plan=%ED%A0%80", account.live());
        assertError(broken, 422, "VALIDATION_ERROR");
        assertThat(broken.json().get("detail").get(0).get("field").asString()).isEqualTo("query");
    }
}
