package dev.pausepoint.pause.longpoll;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class LongPollConfiguration {

    @Bean
    PauseWaiters pauseWaiters() {
        return new PauseWaiters();
    }

    @Bean
    PauseChangeListener pauseChangeListener(@Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username}") String username,
            @Value("${spring.datasource.password}") String password, PauseWaiters waiters) {
        return new PauseChangeListener(url, username, password, waiters);
    }

    /** Answers woken waiters off the listener thread; a burst queues instead of blocking notifications. */
    @Bean
    ThreadPoolTaskExecutor longPollCompletions() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("long-poll-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(100_000);
        return executor;
    }

    @Bean
    LongPoll longPoll(PauseWaiters waiters, ThreadPoolTaskExecutor longPollCompletions) {
        return new LongPoll(waiters, longPollCompletions);
    }
}
