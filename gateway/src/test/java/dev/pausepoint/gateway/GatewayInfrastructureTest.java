package dev.pausepoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventMother;
import dev.pausepoint.testsupport.KafkaProbe;
import dev.pausepoint.testsupport.KafkaProbe.Keyed;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/** The gateway reaches its real Redis (rate limits) and reads the event contract from Kafka (key revocations). */
class GatewayInfrastructureTest extends GatewayIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    ProducerFactory<String, Event> producerFactory;

    @Autowired
    ConsumerFactory<String, Event> consumerFactory;

    @Test
    void redisIsReachable() {
        String key = "probe:" + UUID.randomUUID();
        Boolean stored = redis.opsForValue().set(key, "ok", Duration.ofMinutes(1)).block(Duration.ofSeconds(5));
        assertThat(stored).isTrue();
        assertThat(redis.opsForValue().get(key).block(Duration.ofSeconds(5))).isEqualTo("ok");
    }

    @Test
    void accountEventsRoundTripThroughKafkaWithTheContractSerde() {
        List<Keyed> sent = List.of(new Keyed(EventMother.DEVELOPER, EventMother.apiKeyRotated()),
                new Keyed(EventMother.DEVELOPER, EventMother.planChanged()));
        assertThat(KafkaProbe.roundTrip(producerFactory.getConfigurationProperties(),
                consumerFactory.getConfigurationProperties(), sent)).containsExactlyElementsOf(sent);
    }
}
