package dev.pausepoint.kit.architecture.violating.stock;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The LISTEN suffix on a class that polls a table through Spring's JDBC. */
public class StockSubscriber {

    private final JdbcClient jdbc;

    public StockSubscriber(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int poll() {
        return jdbc.sql("SELECT count(*) FROM stock_change").query(Integer.class).single();
    }
}
