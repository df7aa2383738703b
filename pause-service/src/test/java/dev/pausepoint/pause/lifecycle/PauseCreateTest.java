package dev.pausepoint.pause.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.token.ResponseToken;
import dev.pausepoint.kit.token.ResponseTokenCodec;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@link Pause#create}, without Spring: what a new pause is, and what its event and its 201 say. */
class PauseCreateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PauseRequestParser PARSER = new PauseRequestParser(List.of("hooks.slack.com"),
            SmsCountryCodes.of(List.of("1")));
    private static final ResponseTokenCodec TOKENS = new ResponseTokenCodec(Map.of(7, "k".repeat(32).getBytes()), 7);
    private static final RespondLinks LINKS = new RespondLinks("https://pause.example.com//", TOKENS);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:15:30.750Z"), ZoneOffset.UTC);
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final CallerIdentity LIVE = caller(KeyMode.LIVE);
    private static final String REQUEST = """
            {"recipient": "+1 (415) 555-0123", "channel": "sms", "message": "Deploy v2.3?", "options": ["Approve", "Reject"],
             "allow_text_response": true, "timeout_default": "Reject", "metadata": {"run_id": "r-42", "steps": [1, 2.5]}}""";

    private static CallerIdentity caller(KeyMode mode) {
        return new CallerIdentity("dev_1", mode, "pro", CredentialKind.API_KEY, "203.0.113.5");
    }

    private static Pause.WithEvent create(String request, CallerIdentity caller) {
        return Pause.create(PARSER.parse(JSON.readTree(request)), caller, Duration.ofHours(6), LINKS, CLOCK);
    }

    @Test
    void aNewPauseIsPendingInTheCallersWorldAndExpiresAfterTheGrantedTimeout() {
        Pause pause = create(REQUEST, LIVE).pause();
        assertThat(pause.id()).matches("psr_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(pause.developerId()).isEqualTo("dev_1");
        assertThat(pause.livemode()).isTrue();
        assertThat(pause.status()).isEqualTo(PauseStatus.PENDING);
        assertThat(pause.createdAt()).as("whole seconds, like every API time").isEqualTo(NOW);
        assertThat(pause.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(pause.outcome()).isEqualTo(new Pause.Outcome(null, null, null, null));
        assertThat(pause.delivery()).isEqualTo(new Pause.Delivery("queued", 0, null, null, null));
    }

    @Test
    void theQuestionIsTheRequestAsParsed() {
        Pause pause = create(REQUEST, LIVE).pause();
        assertThat(pause.channel()).isEqualTo("sms");
        assertThat(pause.recipient()).as("normalised by the parser").isEqualTo("+14155550123");
        assertThat(pause.message()).isEqualTo("Deploy v2.3?");
        assertThat(pause.options()).containsExactly("Approve", "Reject");
        assertThat(pause.allowTextResponse()).isTrue();
        assertThat(pause.timeoutDefault()).isEqualTo("Reject");
        assertThat(pause.metadata()).isEqualTo(JSON.readTree("{\"run_id\": \"r-42\", \"steps\": [1, 2.5]}"));
    }

    @Test
    void itsEventTellsEverythingAboutItWithTheHumansLinkAndTheCallersAddress() {
        Pause.WithEvent created = create(REQUEST, LIVE);
        Pause pause = created.pause();
        PauseCreated event = created.event();
        assertThat(event.eventId()).startsWith("evt_");
        assertThat(event).usingRecursiveComparison().ignoringFields("eventId", "respondUrl").isEqualTo(new PauseCreated(
                "ignored", NOW, Event.SCHEMA_VERSION, pause.id(), "dev_1", true, "sms", "+14155550123", "Deploy v2.3?",
                List.of("Approve", "Reject"), true, "Reject", Map.of("run_id", "r-42", "steps", List.of(1, new BigDecimal("2.5"))),
                "ignored", NOW.plus(Duration.ofHours(6)), "203.0.113.5"));
    }

    @Test
    void theLinkCarriesATokenForThePauseUntilItExpires() {
        Pause.WithEvent created = create(REQUEST, LIVE);
        String url = created.event().respondUrl();
        assertThat(url).as("the base URL's trailing slashes dropped").startsWith("https://pause.example.com/respond/");
        ResponseToken token = TOKENS.verify(url.substring("https://pause.example.com/respond/".length()));
        assertThat(token).isEqualTo(new ResponseToken(created.pause().id(), created.pause().expiresAt(), 7));
    }

    @Test
    void the201RepeatsThePauseAndItsLink() {
        Pause.WithEvent created = create(REQUEST, LIVE);
        assertThat(CreatedPause.of(created)).isEqualTo(new CreatedPause(created.pause().id(), "pending",
                created.event().respondUrl(), NOW.plus(Duration.ofHours(6)), NOW, true));
    }

    @Test
    void aTestKeyMakesATestPause() {
        Pause.WithEvent created = create(REQUEST, caller(KeyMode.TEST));
        assertThat(created.pause().livemode()).isFalse();
        assertThat(created.event().livemode()).isFalse();
        assertThat(CreatedPause.of(created).livemode()).isFalse();
    }

    @Test
    void theAgentsNameAndTheAccountsNameAsItIsNowAreFrozenOntoThePauseAndItsEvent() {
        CallerIdentity named = new CallerIdentity("dev_1", KeyMode.LIVE, "pro", CredentialKind.API_KEY, "203.0.113.5",
                "Acme Robotics");
        Pause.WithEvent created = create(REQUEST.replace("{", "{\"agent_name\": \"deploy-bot \uD83E\uDD16\", "), named);
        assertThat(created.pause().asker().agentName()).isEqualTo("deploy-bot 🤖");
        assertThat(created.pause().asker().accountName()).isEqualTo("Acme Robotics");
        assertThat(created.event().agentName()).isEqualTo("deploy-bot 🤖");
        assertThat(created.event().accountName()).isEqualTo("Acme Robotics");
        assertThat(PauseView.of(created.pause(), LINKS, List.of()).agentName()).isEqualTo("deploy-bot 🤖");
    }

    @Test
    void withoutAnAgentNameOrAKnownAccountTheAskerIsEmpty() {
        Pause.WithEvent created = create(REQUEST, LIVE);
        assertThat(created.event().agentName()).isNull();
        assertThat(created.event().accountName()).isNull();
        assertThat(PauseView.of(created.pause(), LINKS, List.of()).agentName()).isNull();
    }

    @Test
    void withoutMetadataTheEventHasNone() {
        Pause.WithEvent created = create("""
                {"recipient": "+14155550123", "channel": "sms", "message": "Ok?", "options": ["Yes", "No"]}""", LIVE);
        assertThat(created.pause().metadata()).isNull();
        assertThat(created.event().metadata()).isNull();
        assertThat(created.event().timeoutDefault()).isNull();
    }

    @Test
    void everyPauseHasItsOwnIdAndToken() {
        Pause.WithEvent first = create(REQUEST, LIVE);
        Pause.WithEvent second = create(REQUEST, LIVE);
        assertThat(second.pause().id()).isNotEqualTo(first.pause().id());
        assertThat(second.event().respondUrl()).isNotEqualTo(first.event().respondUrl());
        assertThat(second.event().eventId()).isNotEqualTo(first.event().eventId());
    }
}
