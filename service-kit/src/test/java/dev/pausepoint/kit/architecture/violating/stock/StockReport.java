package dev.pausepoint.kit.architecture.violating.stock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs SQL on a raw connection from the pool, outside a repository. */
public class StockReport {

    private final DataSource dataSource;

    public StockReport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean any() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM stock LIMIT 1")) {
            return query.executeQuery().next();
        }
    }
}
