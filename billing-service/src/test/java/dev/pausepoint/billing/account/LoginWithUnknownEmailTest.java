package dev.pausepoint.billing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.pausepoint.billing.credential.ApiKeyRepository;
import dev.pausepoint.billing.credential.SessionRepository;
import dev.pausepoint.billing.loginthrottle.LoginThrottleService;
import dev.pausepoint.billing.usage.UsageRepository;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.plan.PlanCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Similar timing for unknown emails is a property of the code path, not something to time: the
 * unknown email must cost one full bcrypt comparison, exactly like a wrong password.
 */
class LoginWithUnknownEmailTest {

    @Test
    void unknownEmailStillPaysForOnePasswordComparison() {
        AtomicInteger comparisons = new AtomicInteger();
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                comparisons.incrementAndGet();
                return bcrypt.matches(raw, encoded);
            }
        };
        DeveloperRepository developers = mock(DeveloperRepository.class);
        when(developers.findByEmail(anyString())).thenReturn(Optional.empty());
        PlanCatalog plans = new PlanCatalog(Map.of("free", new PlanCatalog.Settings(50, List.of("sms"), 24, null)));
        AccountService accounts = new AccountService(developers, mock(ApiKeyRepository.class),
                mock(SessionRepository.class), mock(UsageRepository.class), plans, counting,
                mock(LoginThrottleService.class), mock(Outbox.class),
                mock(TransactionTemplate.class), Clock.systemUTC(), Duration.ofHours(12));

        assertThatThrownBy(() -> accounts.login(new LoginRequest("nobody@example.com", "whatever it is")))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThat(comparisons).hasValue(1);
    }
}
