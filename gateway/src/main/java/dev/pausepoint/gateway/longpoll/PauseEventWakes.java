package dev.pausepoint.gateway.longpoll;

import dev.pausepoint.events.Topics;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hears every change to every pause and wakes this instance's waiters on it. The source is
 * {@value Topics#PAUSE_EVENTS}, which pause-service's outbox publishes after each transition commits
 * (responded, timed out, cancelled; keyed by pause id), so a read after the wake sees the change.
 *
 * <p>Every gateway instance must hear every event, since any of them may hold a waiter for any pause.
 * So this is a plain consumer with no group: it assigns itself all partitions of the topic, starts at
 * their end (a waiter only cares about changes after it registered, and it reads the pause after
 * registering) and commits nothing. A consumer group per instance would do the same with a group
 * coordinator, a rebalance at each start and an abandoned group per restart left on the broker. Only
 * the record key is read: the value is never parsed, since a wake only leads to a fresh read of the
 * pause, and an event that changes nothing (a creation) costs that one read and a new wait.
 *
 * <p>A broker outage strands nobody: each waiter ends at its wait's end with the state read then. The
 * consumer keeps its position through the outage and delivers what was published meanwhile when the
 * broker is back. The partition list is looked up again now and then; a partition that appears later
 * is read from its beginning, since everything in it is newer than this consumer.
 */
class PauseEventWakes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PauseEventWakes.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PARTITIONS_LOOKUP = Duration.ofSeconds(5);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final PauseWakes wakes;
    private final Duration partitionsRefresh;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    PauseEventWakes(Supplier<Consumer<String, byte[]>> consumers, PauseWakes wakes, Duration partitionsRefresh) {
        this.consumers = consumers;
        this.wakes = wakes;
        this.partitionsRefresh = partitionsRefresh;
    }

    private void loop() {
        while (running) {
            try (Consumer<String, byte[]> current = consumers.get()) {
                consumer = current;
                consume(current);
            } catch (WakeupException stopping) {
                // stop() interrupts the poll.
            } catch (KafkaException | IllegalStateException e) {
                listening = false;
                if (running) {
                    log.warn("The pause-events consumer failed, starting it again: {}", e.toString());
                    pause(Duration.ofSeconds(1));
                }
            } finally {
                consumer = null;
                listening = false;
            }
        }
    }

    private void consume(Consumer<String, byte[]> current) {
        Set<TopicPartition> assigned = new HashSet<>();
        long lookedUp = 0;
        while (running) {
            long now = System.nanoTime();
            if (assigned.isEmpty() || now - lookedUp >= partitionsRefresh.toNanos()) {
                lookedUp = now;
                assignNew(current, assigned);
                if (assigned.isEmpty()) {
                    // The topic is not there yet (pause-service creates it); look again shortly.
                    pause(Duration.ofSeconds(1));
                    continue;
                }
            }
            ConsumerRecords<String, byte[]> records = current.poll(POLL);
            int woken = 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.key() != null) {
                    woken += wakes.wake(record.key());
                }
            }
            if (!records.isEmpty()) {
                log.debug("Heard {} pause events, woke {} waiters", records.count(), woken);
            }
        }
    }

    private void assignNew(Consumer<String, byte[]> current, Set<TopicPartition> assigned) {
        List<PartitionInfo> partitions = current.partitionsFor(Topics.PAUSE_EVENTS, PARTITIONS_LOOKUP);
        Set<TopicPartition> added = new HashSet<>();
        for (PartitionInfo partition : partitions == null ? List.<PartitionInfo>of() : partitions) {
            TopicPartition topicPartition = new TopicPartition(partition.topic(), partition.partition());
            if (!assigned.contains(topicPartition)) {
                added.add(topicPartition);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        boolean first = assigned.isEmpty();
        assigned.addAll(added);
        current.assign(assigned);
        if (first) {
            current.seekToEnd(added);
        } else {
            current.seekToBeginning(added);
        }
        // Resolves the positions now, so that every event published from here on is heard.
        added.forEach(current::position);
        listening = true;
        log.info("Hearing pause events on {} partition(s) of {} for long-poll wake-ups", assigned.size(),
                Topics.PAUSE_EVENTS);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this instance holds the topic's partitions and hears every event from now on. */
    boolean listening() {
        return listening;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "pause-event-wakes");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            // wakeup() ends a poll or a partition lookup; an interrupt as well would make the consumer's
            // close log a failure. A one-second pause between attempts simply runs out.
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
