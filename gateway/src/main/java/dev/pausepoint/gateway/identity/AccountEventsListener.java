package dev.pausepoint.gateway.identity;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.account.ApiKeyRotated;
import dev.pausepoint.events.account.PlanChanged;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Keeps this instance's credential cache honest. Every gateway instance reads every account event (its
 * own consumer group, from the latest offset: a fresh instance has an empty cache and nothing to
 * forget), so a rotated key stops working on all of them within moments of the commit. Whether the
 * events are actually arriving is {@link AccountEventsMonitor}'s to judge; assignments are reported to it.
 */
public class AccountEventsListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(AccountEventsListener.class);

    private final CredentialCache cache;
    private final AccountEventsMonitor monitor;

    public AccountEventsListener(CredentialCache cache, AccountEventsMonitor monitor) {
        this.cache = cache;
        this.monitor = monitor;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        monitor.assignmentChanged();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        monitor.assignmentChanged();
    }

    @KafkaListener(topics = Topics.ACCOUNT_EVENTS, groupId = "#{'gateway-' + T(java.util.UUID).randomUUID()}",
            properties = {"auto.offset.reset=latest", "fetch.max.wait.ms=100"}, idIsGroup = false,
            id = AccountEventsMonitor.LISTENER_ID)
    public void on(Event event) {
        if (event instanceof ApiKeyRotated rotated && rotated.revokedKeyHash() != null) {
            cache.revoke(rotated.revokedKeyHash());
            log.info("Revoked key {}... of {}", rotated.revokedKeyHash().substring(0, 8), rotated.developerId());
        } else if (event instanceof PlanChanged changed) {
            cache.forgetDeveloper(changed.developerId());
        }
    }
}
