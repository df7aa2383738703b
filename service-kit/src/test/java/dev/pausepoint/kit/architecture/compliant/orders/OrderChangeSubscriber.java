package dev.pausepoint.kit.architecture.compliant.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** A LISTEN subscriber: a raw connection of its own, and the notifications it hears. */
public class OrderChangeSubscriber {

    public PGNotification[] listenOnce(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN order_changed");
            }
            return connection.unwrap(PGConnection.class).getNotifications(500);
        }
    }
}
