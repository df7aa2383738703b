package dev.pausepoint.billing.account;

import dev.pausepoint.billing.credential.ApiKeyRepository;
import dev.pausepoint.billing.credential.ApiKeyRepository.ActiveKey;
import dev.pausepoint.billing.credential.KeyModePolicy;
import dev.pausepoint.kit.validation.EmailAddresses;
import dev.pausepoint.billing.credential.SecretTokens;
import dev.pausepoint.billing.credential.SessionRepository;
import dev.pausepoint.billing.loginthrottle.LoginThrottleService;
import dev.pausepoint.billing.usage.UsagePeriod;
import dev.pausepoint.billing.usage.UsageRepository;
import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.account.DeveloperRegistered;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.plan.Plan;
import dev.pausepoint.kit.plan.PlanCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration, login, logout and the account view. Password hashing is deliberately slow, so it happens
 * before a transaction opens, never while one holds a connection. A login is first counted by the
 * per-address throttle, which refuses before any hashing once an address has too many failures.
 */
@Service
public class AccountService {

    private final DeveloperRepository developers;
    private final ApiKeyRepository keys;
    private final SessionRepository sessions;
    private final UsageRepository usage;
    private final PlanCatalog plans;
    private final PasswordEncoder passwords;
    private final LoginThrottleService throttle;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration sessionTtl;
    /** Compared against when the email is unknown, so that answer costs the same as a wrong password. */
    private final String dummyHash;

    public AccountService(DeveloperRepository developers, ApiKeyRepository keys, SessionRepository sessions,
            UsageRepository usage, PlanCatalog plans, PasswordEncoder passwords, LoginThrottleService throttle,
            Outbox outbox, TransactionTemplate transactions, Clock clock,
            @Value("${pausepoint.accounts.session-ttl}") Duration sessionTtl) {
        this.developers = developers;
        this.keys = keys;
        this.sessions = sessions;
        this.usage = usage;
        this.plans = plans;
        this.passwords = passwords;
        this.throttle = throttle;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
        this.dummyHash = passwords.encode(SecretTokens.generate("dummy_"));
    }

    public RegisterResponse register(RegisterRequest request, CallerIdentity caller) {
        String email = EmailAddresses.normalize(request.email());
        String name = request.name().trim();
        String passwordHash = passwords.encode(request.password());
        Instant now = EventIds.now(clock);
        String developerId = "dev_" + UUID.randomUUID();
        String liveKey = SecretTokens.generate(SecretTokens.LIVE_KEY);
        String testKey = SecretTokens.generate(SecretTokens.TEST_KEY);
        transactions.executeWithoutResult(status -> {
            developers.insert(new Developer(developerId, email, name, passwordHash, PlanCatalog.FREE, now));
            keys.insert(developerId, KeyMode.LIVE, liveKey, now);
            keys.insert(developerId, KeyMode.TEST, testKey, now);
            Event registered = new DeveloperRegistered(EventIds.newEventId(), now, Event.SCHEMA_VERSION, developerId,
                    email, name, PlanCatalog.FREE, caller.clientIp());
            outbox.publish(registered);
        });
        return new RegisterResponse(developerId, liveKey, testKey, PlanCatalog.FREE,
                "Store both keys now: they are shown only once. Test keys run the whole flow without sending "
                        + "anything or counting against your quota.");
    }

    public LoginResponse login(LoginRequest request) {
        String email = EmailAddresses.normalize(request.email());
        LoginThrottleService.Attempt attempt = throttle.begin(email);
        Optional<Developer> developer = developers.findByEmail(email);
        boolean matches = passwords.matches(request.password(), developer.map(Developer::passwordHash).orElse(dummyHash));
        if (developer.isEmpty() || !matches) {
            throw new InvalidCredentialsException();
        }
        throttle.succeeded(attempt);
        Instant now = EventIds.now(clock);
        Instant expiresAt = now.plus(sessionTtl);
        String token = SecretTokens.generate(SecretTokens.SESSION);
        sessions.insert(token, developer.get().id(), now, expiresAt);
        return new LoginResponse(developer.get().id(), token, expiresAt, developer.get().plan());
    }

    /**
     * Ends the caller's sessions: every session of the account, since the signed identity names the account
     * and the credential's kind but not which token was presented (no credential passes the gateway,
     * docs/trust-boundary.md). Gateways never cache a session and ask billing about each request, so the
     * next call with any of them is 401. Nothing is announced: no other service holds sessions. Ending none
     * (already ended) is fine; an API key is 403, since it is no session.
     */
    public void logout(CallerIdentity caller) {
        KeyModePolicy.requireSession(caller.requireAuthenticated());
        sessions.deleteAll(caller.developerId());
    }

    public MeResponse me(CallerIdentity caller) {
        Developer developer = developers.findById(caller.requireAuthenticated().developerId())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_API_KEY, "This account no longer exists."));
        // Registration issues both keys and a rotation replaces one in the same transaction, so each mode
        // always has exactly one active key.
        Map<KeyMode, ActiveKey> active = keys.activeKeys(developer.id());
        ActiveKey live = active.get(KeyMode.LIVE);
        ActiveKey test = active.get(KeyMode.TEST);
        UsagePeriod period = UsagePeriod.containing(clock.instant());
        Plan plan = plans.get(developer.plan());
        return new MeResponse(developer.id(), developer.email(), developer.name(), developer.plan(),
                live.prefix(), test.prefix(), live.createdAt(), test.createdAt(),
                new MeResponse.Usage(period.startsAt(), period.endsAt(), usage.pausesUsed(developer.id(), period.start()),
                        plan.pausesPerMonth()),
                developer.createdAt());
    }
}
