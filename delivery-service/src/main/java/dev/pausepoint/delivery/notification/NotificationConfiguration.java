package dev.pausepoint.delivery.notification;

import dev.pausepoint.delivery.channel.ChannelSender;
import dev.pausepoint.delivery.schedule.LeaseHolder;
import dev.pausepoint.delivery.schedule.RetrySchedule;
import dev.pausepoint.delivery.schedule.ScheduleProperties;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.tracing.Spans;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    /** The provider SDKs block: one thread per send in flight, and the worker claims no more than there are. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService notificationSenders(NotificationProperties properties) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.notifications().senders(), runnable -> {
            Thread thread = new Thread(runnable, "notification-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    NotificationWorker notificationWorker(NotificationRepository notifications, List<ChannelSender> senders,
            NotificationProperties properties, ScheduleProperties schedule, Outbox outbox,
            TransactionTemplate transactions, Clock clock, @Qualifier("notificationSenders") ExecutorService pool,
            LeaseHolder holder, Spans spans, NotificationMetrics metrics) {
        RetrySchedule retries = schedule.retrySchedule(properties.notificationRetryDelays());
        return new NotificationWorker(notifications, senders, retries, outbox, transactions, clock,
                schedule.workerInterval(), pool, properties.notifications().limits(), holder, spans, metrics);
    }
}
