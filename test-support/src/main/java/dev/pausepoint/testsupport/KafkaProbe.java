package dev.pausepoint.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends records through a fresh topic with an application's own producer and consumer settings and
 * reads them back, proving its serializers, deserializers and broker address work together.
 */
public final class KafkaProbe {

    private KafkaProbe() {
    }

    /** A record to send: its key and value. */
    public record Keyed(String key, Object value) {
    }

    /** The records as read back, in order: key and deserialized value. */
    public static List<Keyed> roundTrip(Map<String, Object> producerConfig, Map<String, Object> consumerConfig,
            List<Keyed> records) {
        String topic = "probe." + UUID.randomUUID();
        createTopic(producerConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG), topic);
        try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(producerConfig)) {
            for (Keyed record : records) {
                producer.send(new ProducerRecord<>(topic, record.key(), record.value())).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("probe send failed", e);
        }
        Map<String, Object> consumerSettings = new HashMap<>(consumerConfig);
        consumerSettings.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        consumerSettings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Keyed> received = new ArrayList<>();
        try (KafkaConsumer<Object, Object> consumer = new KafkaConsumer<>(consumerSettings)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < records.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<Object, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(new Keyed(String.valueOf(record.key()), record.value()));
                }
            }
        }
        return received;
    }

    private static void createTopic(Object bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot create probe topic " + topic, e);
        }
    }
}
