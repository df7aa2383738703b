package dev.pausepoint.kit.architecture.violating.stock;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;

/** A class-level Kafka listener under another suffix. */
@KafkaListener(topics = "stock-batches")
public class StockBatchHandler {

    @KafkaHandler
    public void on(String event) {
    }
}
