package dev.pausepoint.kit.architecture.compliant.orders;

import org.springframework.kafka.annotation.KafkaListener;

public class OrderEventsListener {

    @KafkaListener(topics = "orders")
    public void on(String event) {
    }
}
