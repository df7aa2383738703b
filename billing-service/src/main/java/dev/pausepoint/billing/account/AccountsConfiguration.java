package dev.pausepoint.billing.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    @Bean
    BCryptPasswordEncoder passwordEncoder(@Value("${pausepoint.accounts.bcrypt-cost}") int cost) {
        if (cost < 10) {
            throw new IllegalStateException("pausepoint.accounts.bcrypt-cost must be at least 10 (docs/api-decisions.md, Accounts)");
        }
        return new BCryptPasswordEncoder(cost);
    }
}
