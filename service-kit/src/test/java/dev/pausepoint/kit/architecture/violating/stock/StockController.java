package dev.pausepoint.kit.architecture.violating.stock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Web code running SQL. */
@RestController
public class StockController {

    private final JdbcClient jdbc;

    public StockController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/stock/count")
    public int count() {
        return jdbc.sql("SELECT count(*) FROM stock").query(Integer.class).single();
    }
}
