package dev.pausepoint.pause.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.kit.plan.PlanCatalog;
import dev.pausepoint.kit.plan.PlanCatalog.Settings;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@link PlanPolicy}, without Spring: the plan's channels, then its cap on the timeout. */
class PlanPolicyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PauseRequestParser PARSER = new PauseRequestParser(List.of("hooks.slack.com"),
            SmsCountryCodes.of(List.of("1")));
    private static final int ABSOLUTE_MAX = 8760;

    /** The plans as configured by default, cheapest first. */
    private static PlanCatalog defaultPlans() {
        Map<String, Settings> plans = new LinkedHashMap<>();
        plans.put("free", new Settings(50, List.of("sms"), 24, "starter"));
        plans.put("starter", new Settings(500, List.of("sms", "email"), 168, "pro"));
        plans.put("pro", new Settings(5000, List.of("sms", "email", "slack"), 720, "enterprise"));
        plans.put("enterprise", new Settings(null, List.of("sms", "email", "slack"), null, null));
        return new PlanCatalog(plans);
    }

    private final PlanPolicy policy = new PlanPolicy(defaultPlans(), ABSOLUTE_MAX);

    private static NewPause request(String channel, int timeoutHours) {
        String recipient = switch (channel) {
            case "sms" -> "+14155550123";
            case "email" -> "ada@example.com";
            default -> "https://hooks.slack.com/services/T000/B000/XXXX";
        };
        return PARSER.parse(JSON.readTree("""
                {"channel": "%s", "recipient": "%s", "message": "Ok?", "options": ["Yes", "No"], "timeout_hours": %d}"""
                .formatted(channel, recipient, timeoutHours)));
    }

    @Test
    void aChannelThePlanLacksIsRefusedNamingTheCheapestPlanWithIt() {
        assertThatThrownBy(() -> policy.admit("free", request("email", 1)))
                .isInstanceOfSatisfying(ChannelNotAllowedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CHANNEL_NOT_ALLOWED))
                .hasMessage("Email is not on the free plan. Upgrade to Starter to use it.");
        assertThatThrownBy(() -> policy.admit("starter", request("slack", 1)))
                .hasMessage("Slack is not on the starter plan. Upgrade to Pro to use it.");
    }

    @Test
    void aChannelNoPlanOffersIsRefusedWithoutAnUpgrade() {
        Map<String, Settings> plans = new LinkedHashMap<>();
        plans.put("free", new Settings(50, List.of("sms"), 24, null));
        plans.put("pro", new Settings(5000, List.of("sms", "email"), 720, null));
        assertThatThrownBy(() -> new PlanPolicy(new PlanCatalog(plans), ABSOLUTE_MAX).admit("pro", request("slack", 1)))
                .isInstanceOf(ChannelNotAllowedException.class)
                .hasMessage("Slack is not on the pro plan.");
    }

    @Test
    void theTimeoutAskedForIsKeptUpToThePlansCap() {
        assertThat(policy.admit("free", request("sms", 1))).isEqualTo(Duration.ofHours(1));
        assertThat(policy.admit("free", request("sms", 24))).isEqualTo(Duration.ofHours(24));
        assertThat(policy.admit("free", request("sms", 25))).isEqualTo(Duration.ofHours(24));
        assertThat(policy.admit("pro", request("slack", 1000))).isEqualTo(Duration.ofHours(720));
    }

    @Test
    void aPlanWithoutACapOfItsOwnHasTheAbsoluteCap() {
        assertThat(policy.admit("enterprise", request("email", ABSOLUTE_MAX))).isEqualTo(Duration.ofHours(ABSOLUTE_MAX));
        assertThat(policy.admit("enterprise", request("email", ABSOLUTE_MAX + 1))).isEqualTo(Duration.ofHours(ABSOLUTE_MAX));
    }

    @Test
    void aPlanNotInTheCatalogueHasTheFreePlansRules() {
        assertThat(policy.admit("legacy", request("sms", 48))).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> policy.admit("legacy", request("email", 1)))
                .hasMessage("Email is not on the free plan. Upgrade to Starter to use it.");
    }
}
