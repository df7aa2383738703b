package dev.pausepoint.kit.architecture.violating.stock;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** A Postgres LISTEN under the Kafka suffix. */
public class StockChangeListener {

    public PGNotification[] listenOnce(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return connection.unwrap(PGConnection.class).getNotifications(500);
        }
    }
}
