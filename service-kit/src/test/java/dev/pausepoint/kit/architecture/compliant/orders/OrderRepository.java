package dev.pausepoint.kit.architecture.compliant.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int count() {
        return jdbc.sql("SELECT count(*) FROM orders").query(Integer.class).single();
    }

    /** An anonymous class inside a repository is the repository's own code. */
    public String firstId() {
        return jdbc.sql("SELECT id FROM orders ORDER BY id LIMIT 1").query(new RowMapper<String>() {
            @Override
            public String mapRow(ResultSet row, int number) throws SQLException {
                return row.getString(1);
            }
        }).single();
    }
}
