package dev.pausepoint.billing.passwordreset;

import dev.pausepoint.billing.account.DeveloperRepository;
import dev.pausepoint.kit.validation.EmailAddresses;
import dev.pausepoint.billing.credential.SecretTokens;
import dev.pausepoint.billing.credential.SessionRepository;
import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.kit.mail.Email;
import dev.pausepoint.kit.mail.MailResult;
import dev.pausepoint.kit.mail.SendGridMailer;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgotten passwords. A request always gets the same answer, and the mail is sent after commit on a
 * background thread, so neither the reply nor its timing tells whether the account exists. A reset
 * token is single-use (one conditional update consumes it) and valid for 30 minutes; using it ends
 * every session of the account.
 */
@Service
public class PasswordResetService {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);

    private final DeveloperRepository developers;
    private final SessionRepository sessions;
    private final PasswordResetRepository resets;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwords;
    private final SendGridMailer mailer;
    private final Executor mailExecutor;
    private final TemplateEngine templates;
    private final Clock clock;
    private final Duration ttl;
    private final String publicBaseUrl;

    public PasswordResetService(DeveloperRepository developers, SessionRepository sessions,
            PasswordResetRepository resets, TransactionTemplate transactions, PasswordEncoder passwords, SendGridMailer mailer,
            @Qualifier("mailExecutor") Executor mailExecutor, TemplateEngine templates, Clock clock,
            @Value("${pausepoint.accounts.password-reset-ttl}") Duration ttl,
            @Value("${pausepoint.public-base-url}") String publicBaseUrl) {
        this.developers = developers;
        this.sessions = sessions;
        this.resets = resets;
        this.transactions = transactions;
        this.passwords = passwords;
        this.mailer = mailer;
        this.mailExecutor = mailExecutor;
        this.templates = templates;
        this.clock = clock;
        this.ttl = ttl;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    public void request(String email) {
        developers.findByEmail(EmailAddresses.normalize(email)).ifPresent(developer -> {
            String token = SecretTokens.generate(SecretTokens.PASSWORD_RESET);
            Instant now = EventIds.now(clock);
            transactions.executeWithoutResult(status -> {
                resets.insert(SecretTokens.sha256(token), developer.id(), now, now.plus(ttl));
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        mailExecutor.execute(() -> send(developer.email(), token));
                    }
                });
            });
        });
    }

    /** What the reset email's HTML part ({@code passwordreset/email.jte}) shows. */
    public record ResetMail(String link, long minutes) {
    }

    private void send(String to, String token) {
        ResetMail mail = new ResetMail(publicBaseUrl + "/reset-password?token=" + token, ttl.toMinutes());
        StringOutput html = new StringOutput();
        templates.render("passwordreset/email.jte", mail, html);
        MailResult result = mailer.send(new Email(to, "Reset your PausePoint password",
                "Someone asked to reset the password of your PausePoint account.\n\n"
                        + "Choose a new password within " + mail.minutes() + " minutes here:\n" + mail.link() + "\n\n"
                        + "If that was not you, ignore this email; your password stays as it is.\n",
                html.toString()));
        if (!result.accepted()) {
            log.warn("Password reset email was not accepted: {}", result.error());
        }
    }

    /**
     * Sets the new password if {@code token} is a live reset token, then ends every session. The token is
     * looked up first: an unknown, used or expired one is answered without spending bcrypt time on the
     * new password. The hashing still happens outside the transaction, whose conditional update then
     * settles a race between two uses of one token.
     */
    public void confirm(String token, String newPassword) {
        if (!SecretTokens.wellFormed(token, SecretTokens.PASSWORD_RESET)) {
            throw invalid();
        }
        String hash = SecretTokens.sha256(token);
        Instant now = clock.instant();
        refusal(hash, now).ifPresent(refused -> {
            throw refused;
        });
        String passwordHash = passwords.encode(newPassword);
        transactions.executeWithoutResult(status -> {
            String developerId = resets.use(hash, now)
                    .orElseThrow(() -> refusal(hash, now).orElseGet(PasswordResetService::used));
            developers.updatePasswordHash(developerId, passwordHash);
            sessions.deleteAll(developerId);
            // Any other link still in someone's inbox is spent too.
            resets.useAll(developerId, now);
        });
    }

    /** Why the token with SHA-256 {@code hash} cannot be used at {@code now}; empty when it can. */
    private Optional<ApiException> refusal(String hash, Instant now) {
        Optional<PasswordResetRepository.ResetLink> link = resets.find(hash, now);
        if (link.isEmpty()) {
            return Optional.of(invalid());
        }
        if (link.get().used()) {
            return Optional.of(used());
        }
        if (link.get().expired()) {
            return Optional.of(
                    new ApiException(ErrorCode.TOKEN_EXPIRED, "This reset link has expired. Ask for a new one."));
        }
        return Optional.empty();
    }

    private static ApiException used() {
        return new ApiException(ErrorCode.TOKEN_USED, "This reset link was already used. Ask for a new one.");
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_TOKEN, "This reset link is not valid.");
    }
}
