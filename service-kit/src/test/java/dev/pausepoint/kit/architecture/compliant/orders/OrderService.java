package dev.pausepoint.kit.architecture.compliant.orders;

import org.springframework.stereotype.Service;

@Service
public class OrderService {

    private final OrderRepository orders;

    public OrderService(OrderRepository orders) {
        this.orders = orders;
    }

    public int count() {
        return orders.count();
    }
}
