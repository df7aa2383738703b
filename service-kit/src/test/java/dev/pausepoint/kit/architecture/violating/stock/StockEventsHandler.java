package dev.pausepoint.kit.architecture.violating.stock;

import org.springframework.kafka.annotation.KafkaListener;

/** A Kafka listener method under another suffix. */
public class StockEventsHandler {

    @KafkaListener(topics = "stock")
    public void on(String event) {
    }
}
