package dev.pausepoint.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.client.Account;
import dev.pausepoint.client.AlreadyCancelledException;
import dev.pausepoint.client.AlreadyRespondedException;
import dev.pausepoint.client.AuditEntry;
import dev.pausepoint.client.AuditExport;
import dev.pausepoint.client.AuditQuery;
import dev.pausepoint.client.Channel;
import dev.pausepoint.client.ChannelNotAllowedException;
import dev.pausepoint.client.CreatePauseRequest;
import dev.pausepoint.client.CreateWebhookRequest;
import dev.pausepoint.client.DeliveryTimeline;
import dev.pausepoint.client.EmailTakenException;
import dev.pausepoint.client.IdempotencyConflictException;
import dev.pausepoint.client.InvalidApiKeyException;
import dev.pausepoint.client.InvalidTokenException;
import dev.pausepoint.client.KeyModeNotAllowedException;
import dev.pausepoint.client.KeyRotation;
import dev.pausepoint.client.ListPausesQuery;
import dev.pausepoint.client.NotificationKind;
import dev.pausepoint.client.Mode;
import dev.pausepoint.client.Pause;
import dev.pausepoint.client.PauseNotFoundException;
import dev.pausepoint.client.PausePage;
import dev.pausepoint.client.PausePointClient;
import dev.pausepoint.client.PausePointException;
import dev.pausepoint.client.PauseStats;
import dev.pausepoint.client.PauseStatus;
import dev.pausepoint.client.Plan;
import dev.pausepoint.client.PlanLimitReachedException;
import dev.pausepoint.client.RateLimitedException;
import dev.pausepoint.client.Registration;
import dev.pausepoint.client.RespondLink;
import dev.pausepoint.client.RespondResult;
import dev.pausepoint.client.Session;
import dev.pausepoint.client.TestRecipients;
import dev.pausepoint.client.TokenUsedException;
import dev.pausepoint.client.ValidationException;
import dev.pausepoint.client.Webhook;
import dev.pausepoint.client.WebhookEvent;
import dev.pausepoint.client.WebhookNotFoundException;
import dev.pausepoint.client.WebhookTest;
import dev.pausepoint.client.WebhookVerificationException;
import dev.pausepoint.client.WebhookVerifier;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Java client (module client) against the real stack: every call, its errors, retries and long-poll. */
@Order(4)
class JavaClientSystemTest {

    private static final String PASSWORD = "a long enough password";
    private static final String SECRET = "whsec-java-client-0123456789";
    /** One JDK client under every PausePointClient of this test, as an application would share it. */
    private static final HttpClient SHARED = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @RegisterExtension
    static final WireMockExtension RECEIVER = WireMockExtension.newInstance()
            .options(options().bindAddress(SystemStack.RECEIVER_HOST).dynamicPort()).build();

    /** A client as a caller from its own address, so the per-address limits of one test never meet another's. */
    private static PausePointClient client(String credential) {
        return PausePointClient.builder().baseUrl(SystemStack.gateway()).apiKey(credential).httpClient(SHARED)
                .defaultHeader("X-Forwarded-For", Http.randomClient()).build();
    }

    private record Registered(String email, Registration keys, PausePointClient live, PausePointClient test) {
    }

    private static Registered register() {
        String email = "java-" + UUID.randomUUID() + "@example.com";
        Registration keys = client(null).register(email, "Java client", PASSWORD);
        return new Registered(email, keys, client(keys.apiKey()), client(keys.testApiKey()));
    }

    private static CreatePauseRequest.Builder sms() {
        return CreatePauseRequest.builder().channel(Channel.SMS).recipient("+14155550123").message("Deploy build 7?")
                .options("Deploy", "Hold");
    }

    @Test
    void registerMeLoginAndLogout() {
        Registered developer = register();
        assertThat(developer.keys().apiKey()).startsWith("pp_live_");
        assertThat(developer.keys().testApiKey()).startsWith("pp_test_");
        assertThat(developer.keys().plan()).isEqualTo("free");

        Account me = developer.live().me();
        assertThat(me.developerId()).isEqualTo(developer.keys().developerId());
        assertThat(me.email()).isEqualTo(developer.email());
        assertThat(developer.keys().apiKey()).startsWith(me.apiKeyPrefix());
        assertThat(me.usage().pausesUsed()).isZero();
        assertThat(me.usage().pausesLimit()).isEqualTo(50L);

        Session session = client(null).login(developer.email(), PASSWORD);
        PausePointClient dashboard = client(session.sessionToken());
        assertThat(dashboard.me().developerId()).isEqualTo(me.developerId());
        assertThatThrownBy(developer.live()::logout).as("a key is not a session")
                .isInstanceOf(KeyModeNotAllowedException.class);
        dashboard.logout();
        assertThatThrownBy(dashboard::me).isInstanceOf(InvalidApiKeyException.class);

        assertThat(client(null).requestPasswordReset(developer.email())).isNotBlank();
        assertThatThrownBy(() -> client(null).confirmPasswordReset("ppr_not-a-token", PASSWORD + "!"))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> client(null).register(developer.email(), "Again", PASSWORD))
                .isInstanceOf(EmailTakenException.class);
    }

    @Test
    void aCreateReplayedWithItsKeyIsTheSamePauseAndAnotherBodyUnderItConflicts() {
        Registered developer = register();
        String key = "java-client-" + UUID.randomUUID();

        Pause first = developer.live().createPause(sms().metadata(Map.of("build", 7)).build(), key);
        Pause replay = developer.live().createPause(sms().metadata(Map.of("build", 7)).build(), key);

        assertThat(first.status()).isEqualTo(PauseStatus.PENDING);
        assertThat(first.livemode()).isTrue();
        assertThat(first.respondUrl()).startsWith(SystemStack.gateway() + "/respond/");
        assertThat(replay).isEqualTo(first);
        assertThat(developer.live().me().usage().pausesUsed()).isEqualTo(1);
        assertThatThrownBy(() -> developer.live().createPause(sms().message("Another question").build(), key))
                .isInstanceOfSatisfying(IdempotencyConflictException.class, conflict -> {
                    assertThat(conflict.status()).isEqualTo(409);
                    assertThat(conflict.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
                });
        assertThat(developer.live().createPause(sms().build()).pauseId()).as("a fresh key per call")
                .isNotEqualTo(developer.live().createPause(sms().build()).pauseId());

        Pause read = developer.live().getPause(first.pauseId());
        assertThat(read.channel()).isEqualTo(Channel.SMS);
        assertThat(read.options()).containsExactly("Deploy", "Hold");
        assertThat(read.metadata().get("build").asInt()).isEqualTo(7);
        assertThat(read.respondUrl()).as("a live link is shown only by the create").isNull();
        assertThat(read.delivery()).isNotNull();
    }

    @Test
    void errorsCarryTheirEnvelope() {
        Registered developer = register();

        assertThatThrownBy(() -> developer.test().getPause("psr_" + UUID.randomUUID()))
                .isInstanceOfSatisfying(PauseNotFoundException.class, missing -> {
                    assertThat(missing.status()).isEqualTo(404);
                    assertThat(missing.envelope().get("error").asString()).isEqualTo("PAUSE_NOT_FOUND");
                    assertThat(missing.envelope().get("status_code").asInt()).isEqualTo(404);
                    assertThat(missing.getMessage()).isEqualTo(missing.envelope().get("message").asString());
                    assertThat(missing.requestId()).isNotBlank();
                });
        assertThatThrownBy(() -> developer.test().createPause(sms().message(" ").timeoutHours(0).build()))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.details())
                        .extracting(ValidationException.FieldIssue::field).contains("message", "timeout_hours"));
        assertThatThrownBy(() -> developer.live().createPause(sms().channel(Channel.EMAIL).recipient("a@example.com").build()))
                .isInstanceOf(ChannelNotAllowedException.class);
        assertThatThrownBy(() -> developer.test().getPause("../webhooks")).as("an id never reaches another path")
                .isInstanceOfSatisfying(PausePointException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> developer.test().listPauses(ListPausesQuery.builder().limit(0).offset(-1).build()))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.details())
                        .extracting(ValidationException.FieldIssue::field).contains("limit", "offset"));
        assertThatThrownBy(() -> client("pp_test_" + "0".repeat(48)).me()).isInstanceOf(InvalidApiKeyException.class);
    }

    @Test
    void awaitDecisionIsAnsweredByTheHumansResponseThroughItsLink() throws Exception {
        Registered developer = register();
        Pause pause = developer.test().createPause(sms().allowTextResponse(true).build());
        PausePointClient human = client(null);
        RespondLink link = human.getRespondLink(pause.respondUrl());
        assertThat(link.pauseId()).isEqualTo(pause.pauseId());
        assertThat(link.options()).containsExactly("Deploy", "Hold");
        assertThat(link.status()).isEqualTo(PauseStatus.PENDING);

        CompletableFuture<Pause> decision = developer.test().awaitDecisionAsync(pause.pauseId(), Duration.ofSeconds(60));
        assertThat(developer.test().getPause(pause.pauseId(), Duration.ofSeconds(1)).isPending()).as("one long-poll")
                .isTrue();
        assertThat(decision).isNotDone();
        RespondResult answer = human.respond(developer.test().getPause(pause.pauseId()).respondUrl(), "Deploy", "go ahead");
        assertThat(answer.status()).isEqualTo(PauseStatus.RESPONDED);

        Pause decided = decision.get(20, TimeUnit.SECONDS);
        assertThat(decided.status()).isEqualTo(PauseStatus.RESPONDED);
        assertThat(decided.responseChoice()).isEqualTo("Deploy");
        assertThat(decided.responseText()).isEqualTo("go ahead");
        assertThat(developer.test().awaitDecision(pause.pauseId(), Duration.ofSeconds(30)).responseChoice())
                .as("a decided pause answers at once").isEqualTo("Deploy");
        assertThatThrownBy(() -> human.respond(pause.respondUrl(), "Hold", null))
                .isInstanceOfSatisfying(TokenUsedException.class, used -> assertThat(used.choice()).isEqualTo("Deploy"));
        assertThatThrownBy(() -> developer.test().cancelPause(pause.pauseId())).isInstanceOf(AlreadyRespondedException.class);

        Pause undecided = developer.test().createPause(sms().build());
        long started = System.nanoTime();
        assertThat(developer.test().awaitDecision(undecided.pauseId(), Duration.ofSeconds(2)).status())
                .as("still pending when time runs out").isEqualTo(PauseStatus.PENDING);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aTestRecipientAnswersByItselfAndThePauseNamesItsAgent() {
        Registered developer = register();
        Pause pause = developer.test().createPause(CreatePauseRequest.builder().to(TestRecipients.sms().choose(2))
                .message("Deploy build 8?").options("Approve", "Reject").agentName("Java release bot").build());

        Pause decided = developer.test().awaitDecision(pause.pauseId(), Duration.ofSeconds(30));

        assertThat(decided.status()).isEqualTo(PauseStatus.RESPONDED);
        assertThat(decided.responseChoice()).as("+15005550002 picks the second option").isEqualTo("Reject");
        assertThat(decided.agentName()).isEqualTo("Java release bot");
        assertThat(decided.recipient()).isEqualTo("+15005550002");
        assertThat(decided.deliveries()).first().satisfies(first -> {
            assertThat(first.notification()).isZero();
            assertThat(first.kind()).isEqualTo(NotificationKind.INITIAL);
            assertThat(first.recipient()).isEqualTo("+15005550002");
        });

        Pause waiting = developer.test().createPause(sms().agentName("Java release bot").timeoutDefault("Hold").build());
        RespondLink link = client(null).getRespondLink(waiting.respondUrl());
        assertThat(link.requestedBy()).isEqualTo(new RespondLink.RequestedBy("Java client", "Java release bot"));
        assertThat(link.timeoutDefault()).isEqualTo("Hold");
    }

    @Test
    void cancelListAndTheTimeline() {
        Registered developer = register();
        Pause kept = developer.test().createPause(sms().build());
        Pause dropped = developer.test().createPause(sms().build());

        Pause cancelled = developer.test().cancelPause(dropped.pauseId());
        assertThat(cancelled.status()).isEqualTo(PauseStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isNotNull();
        assertThatThrownBy(() -> developer.test().cancelPause(dropped.pauseId()))
                .isInstanceOfSatisfying(AlreadyCancelledException.class, e -> assertThat(e.status()).isEqualTo(409));

        PausePage onlyCancelled = developer.test().listPauses(ListPausesQuery.builder().status(PauseStatus.CANCELLED)
                .channel(Channel.SMS).build());
        assertThat(onlyCancelled.items()).extracting(Pause::pauseId).containsExactly(dropped.pauseId());
        PausePage firstOfTwo = developer.test().listPauses(ListPausesQuery.builder().limit(1).build());
        assertThat(firstOfTwo.items()).extracting(Pause::pauseId).containsExactly(dropped.pauseId());
        assertThat(firstOfTwo.hasMore()).isTrue();
        assertThat(developer.test().listPauses(ListPausesQuery.builder().limit(1).offset(1).build()).items())
                .extracting(Pause::pauseId).containsExactly(kept.pauseId());
        assertThat(developer.live().listPauses(ListPausesQuery.all()).items()).as("the live world").isEmpty();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            DeliveryTimeline timeline = developer.test().getDeliveryTimeline(kept.pauseId());
            assertThat(timeline.notifications()).singleElement().satisfies(sent -> {
                assertThat(sent.status()).isEqualTo("sandbox");
                assertThat(sent.channel()).isEqualTo(Channel.SMS);
            });
        });
    }

    @Test
    void webhooksAreManagedAndARealTestPostVerifies() {
        Registered developer = register();
        String path = "/java-client/" + UUID.randomUUID();
        RECEIVER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        String url = "http://" + SystemStack.RECEIVER_HOST + ":" + RECEIVER.getPort() + path;

        Webhook webhook = developer.test().createWebhook(new CreateWebhookRequest(url,
                List.of(WebhookEvent.PAUSE_CANCELLED, WebhookEvent.PAUSE_RESPONDED), SECRET));
        assertThat(webhook.events()).containsExactly(WebhookEvent.PAUSE_RESPONDED, WebhookEvent.PAUSE_CANCELLED);
        assertThat(developer.test().listWebhooks()).containsExactly(webhook);
        assertThat(developer.live().listWebhooks()).isEmpty();

        WebhookTest queued = developer.test().testWebhook(webhook.webhookId());
        assertThat(queued.event()).isEqualTo(WebhookEvent.WEBHOOK_TEST);
        await().atMost(Duration.ofSeconds(20)).until(() -> !RECEIVER.findAll(postRequestedFor(urlEqualTo(path))).isEmpty());
        LoggedRequest post = RECEIVER.findAll(postRequestedFor(urlEqualTo(path))).get(0);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : post.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }

        WebhookEvent event = WebhookVerifier.verify(post.getBody(), headers, SECRET, Duration.ofMinutes(5));
        assertThat(event.event()).isEqualTo(WebhookEvent.WEBHOOK_TEST);
        assertThat(event.eventId()).isEqualTo(queued.eventId());
        assertThat(event.developerId()).isEqualTo(developer.keys().developerId());
        assertThat(event.livemode()).isFalse();
        assertThat(event.pauseId()).isNull();
        assertThatThrownBy(() -> WebhookVerifier.verify(post.getBody(), headers, SECRET + "x", Duration.ofMinutes(5)))
                .isInstanceOf(WebhookVerificationException.class);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                developer.test().listWebhookDeliveries(webhook.webhookId(), 20)).singleElement().satisfies(attempt -> {
                    assertThat(attempt.deliveryId()).isEqualTo(queued.deliveryId());
                    assertThat(attempt.statusCode()).isEqualTo(200);
                    assertThat(attempt.error()).isNull();
                }));

        developer.test().deleteWebhook(webhook.webhookId());
        assertThat(developer.test().listWebhooks()).isEmpty();
        assertThatThrownBy(() -> developer.test().deleteWebhook(webhook.webhookId()))
                .isInstanceOf(WebhookNotFoundException.class);
        assertThatThrownBy(() -> developer.test().listWebhookDeliveries(webhook.webhookId(), 5))
                .isInstanceOf(WebhookNotFoundException.class);
    }

    @Test
    void theFirstLivePauseOverTheFreeQuotaIsPlanLimitReached() {
        Registered developer = register();
        for (int i = 0; i < 50; i++) {
            developer.live().createPause(sms().build());
        }

        assertThatThrownBy(() -> developer.live().createPause(sms().build()))
                .isInstanceOfSatisfying(PlanLimitReachedException.class, limit -> {
                    assertThat(limit.status()).isEqualTo(402);
                    assertThat(limit.getMessage()).isEqualTo(
                            "Monthly pause limit of 50 reached. Upgrade to Starter for 500 pauses/month.");
                });
        assertThat(developer.test().createPause(sms().build()).isPending()).as("test pauses never count").isTrue();
    }

    /**
     * The long-poll cap of a key (100 waits) gives a real {@code 429} with {@code Retry-After}: a client
     * with retries waits it out and gets its answer; cancelling parked asynchronous waits aborts their
     * requests, so the gateway frees their slots at once rather than when their waits would have ended.
     */
    @Test
    void aLongPollLimitIsWaitedOutAndCancelledWaitsFreeTheirSlots() throws Exception {
        Registered developer = register();

        String pauseId = developer.test().createPause(sms().build()).pauseId();
        List<CompletableFuture<Pause>> parked = park(developer.test(), pauseId, Duration.ofMinutes(5));
        RateLimitedException full = awaitFull(developer.keys().testApiKey(), pauseId, Duration.ofSeconds(12));
        assertThat(full.getMessage()).startsWith("Concurrent long-poll limit of 100 ");
        parked.forEach(wait -> wait.cancel(true));
        PausePointClient probe = PausePointClient.builder().baseUrl(SystemStack.gateway()).apiKey(developer.keys()
                .testApiKey()).httpClient(SHARED).maxRetries(0).defaultHeader("X-Forwarded-For", Http.randomClient()).build();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(500)).ignoreException(RateLimitedException.class)
                .until(() -> probe.getPause(pauseId, Duration.ofSeconds(1)).isPending());

        String livePauseId = developer.live().createPause(sms().build()).pauseId();
        List<CompletableFuture<Pause>> shortWaits = park(developer.live(), livePauseId, Duration.ofSeconds(15));
        Duration retryAfter = awaitFull(developer.keys().apiKey(), livePauseId, Duration.ofSeconds(5)).retryAfter()
                .orElseThrow();
        long started = System.nanoTime();
        Pause answered = client(developer.keys().apiKey()).getPause(livePauseId, Duration.ofSeconds(1));
        assertThat(answered.isPending()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited out Retry-After " + retryAfter)
                .isGreaterThanOrEqualTo(retryAfter.minusSeconds(1));
        for (CompletableFuture<Pause> wait : shortWaits) {
            assertThat(wait.get(20, TimeUnit.SECONDS).status()).as("time ran out").isEqualTo(PauseStatus.PENDING);
        }
    }

    private static List<CompletableFuture<Pause>> park(PausePointClient client, String pauseId, Duration timeout) {
        List<CompletableFuture<Pause>> parked = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            parked.add(client.awaitDecisionAsync(pauseId, timeout));
        }
        return parked;
    }

    /**
     * The refusal of a long-poll once the key's hundred slots are held by the parked waits. A probe that
     * gets in holds a slot for its one second (and a parked wait refused meanwhile tries again when that
     * second ends), so a refusal counts only when its {@code Retry-After} is the end of a parked wait,
     * {@code atLeast} away; probes are two seconds apart so that the parked wait, not the next probe, gets
     * the slot a probe gives back.
     */
    private static RateLimitedException awaitFull(String key, String pauseId, Duration atLeast) {
        PausePointClient probe = PausePointClient.builder().baseUrl(SystemStack.gateway()).apiKey(key).httpClient(SHARED).maxRetries(0)
                .defaultHeader("X-Forwarded-For", Http.randomClient()).build();
        AtomicReference<RateLimitedException> refused = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
            try {
                probe.getPause(pauseId, Duration.ofSeconds(1));
                return false;
            } catch (RateLimitedException limited) {
                refused.set(limited);
                return limited.retryAfter().orElseThrow().compareTo(atLeast) >= 0;
            }
        });
        return refused.get();
    }

    @Test
    void auditListExportStatsAndBilling() throws Exception {
        Registered developer = register();
        Pause pause = developer.test().createPause(sms().build());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(developer.test().listAudit(
                AuditQuery.all().withEventType("pause.created")).items()).singleElement()
                .satisfies(entry -> assertThat(entry.pauseRequestId()).isEqualTo(pause.pauseId())));
        assertThat(developer.test().listAudit(AuditQuery.all().between(today, today).withLimit(100)).items())
                .extracting(AuditEntry::eventType).contains("developer.registered", "pause.created");
        try (Stream<AuditEntry> entries = developer.test().exportAuditEntries(AuditExport.ndjson(today, today))) {
            assertThat(entries.map(AuditEntry::eventType)).contains("developer.registered", "pause.created");
        }
        try (InputStream csv = developer.test().exportAudit(AuditExport.csv(today, today).withPauseId(pause.pauseId()))) {
            List<String> lines = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8)).lines().toList();
            assertThat(lines.get(0)).isEqualTo("id,developer_id,pause_request_id,event_type,actor,detail,ip,created_at");
            assertThat(lines).hasSize(2);
        }
        assertThatThrownBy(() -> developer.test().exportAudit(AuditExport.ndjson(today, today.minusDays(1))))
                .isInstanceOf(ValidationException.class);

        PauseStats stats = developer.test().pauseStats(3);
        assertThat(stats.days()).hasSize(3);
        assertThat(stats.toDate()).isEqualTo(today);
        assertThat(stats.days().get(2).created()).isEqualTo(1);
        assertThat(stats.days().get(2).pending()).isEqualTo(1);

        List<Plan> plans = developer.live().billingPlans();
        assertThat(plans).extracting(Plan::plan).containsExactly("free", "starter", "pro", "enterprise");
        assertThat(plans.get(0).channels()).containsExactly(Channel.SMS);
        assertThat(plans.get(1).sold()).isTrue();
        assertThat(plans.get(3).pausesPerMonth()).isNull();
        assertThat(developer.live().subscription().plan()).isEqualTo("free");
        assertThat(developer.live().checkout("starter").toString()).startsWith(SystemStack.paddle().baseUrl() + "/checkout");
        assertThatThrownBy(() -> developer.test().checkout("starter"))
                .isInstanceOf(KeyModeNotAllowedException.class);
        assertThat(client(null).health().isOk()).isTrue();
    }

    @Test
    void aRotatedKeysClientIsRefusedAndTheNewKeyWorks() {
        Registered developer = register();

        KeyRotation rotated = developer.test().rotateKey();

        assertThat(rotated.keyType()).isEqualTo(Mode.TEST);
        assertThat(rotated.apiKey()).startsWith("pp_test_").isNotEqualTo(developer.keys().testApiKey());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(developer.test()::me)
                .isInstanceOfSatisfying(InvalidApiKeyException.class, refused -> assertThat(refused.status()).isEqualTo(401)));
        assertThat(developer.test().withApiKey(rotated.apiKey()).me().testApiKeyPrefix())
                .isEqualTo(rotated.apiKeyPrefix());
        assertThatThrownBy(() -> developer.test().withApiKey(rotated.apiKey()).rotateKey(Mode.LIVE))
                .isInstanceOf(KeyModeNotAllowedException.class);
    }
}
