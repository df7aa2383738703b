package dev.pausepoint.pause.longpoll;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import dev.pausepoint.kit.lifecycle.BackgroundLoop;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to Postgres's {@code pause_changed} channel (LISTEN/NOTIFY; a notification is sent in the
 * transaction of every status change by whichever instance made it) and wakes this instance's waiters. One
 * dedicated connection (outside the pool) per instance; it reconnects after a failure. Not a
 * {@code *Listener}: that suffix is for Kafka listeners.
 */
public class PauseChangeSubscriber extends BackgroundLoop {

    public static final String CHANNEL = "pause_changed";
    private static final Logger log = LoggerFactory.getLogger(PauseChangeSubscriber.class);

    private final String url;
    private final String username;
    private final String password;
    private final PauseWaiters waiters;
    private volatile boolean listening;

    public PauseChangeSubscriber(String url, String username, String password, PauseWaiters waiters) {
        super("pause-change-subscriber", Duration.ofSeconds(2));
        this.url = url;
        this.username = username;
        this.password = password;
        this.waiters = waiters;
    }

    @Override
    protected void loop() {
        while (running()) {
            try (Connection connection = DriverManager.getConnection(url, username, password)) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running()) {
                    PGNotification[] notifications = postgres.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            waiters.wake(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running()) {
                    log.warn("Lost the pause_changed subscription connection, reconnecting: {}", e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
        listening = false;
    }

    /** Whether notifications are being heard now (for tests and health). */
    public boolean listening() {
        return listening;
    }
}
