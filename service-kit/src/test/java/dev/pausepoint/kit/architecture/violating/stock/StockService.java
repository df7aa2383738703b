package dev.pausepoint.kit.architecture.violating.stock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Runs SQL itself instead of through a repository. */
@Service
public class StockService {

    private final JdbcClient jdbc;

    public StockService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int count() {
        return jdbc.sql("SELECT count(*) FROM stock").query(Integer.class).single();
    }
}
