package dev.pausepoint.errors;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a failure of the database being there from a failure of what was asked of it. */
public final class DatabaseFailures {

    private static final int MAX_CAUSE_DEPTH = 16;
    /** What Hikari's closed connection says; a rollback on a broken connection reports only this. */
    private static final String CLOSED_POOL_CONNECTION = "Connection is closed";

    private DatabaseFailures() {
    }

    /**
     * Whether the service's own database went away under the work: Postgres shutting down or restarting
     * (SQLState {@code 57P01}-{@code 57P03}), a connection that failed or broke ({@code 08...}), the pool
     * finding none ({@link SQLTransientConnectionException}), or the pool's closed connection, which is all
     * a rollback on a broken connection reports and which replaces the statement's own failure. Such work
     * is not wrong, only early: a request gets 503 (the fault suite's Postgres restart found it a 500
     * once), and a consumed event is retried until the database is back rather than dead-lettered.
     */
    public static boolean unreachable(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (current instanceof SQLTransientConnectionException) {
                return true;
            }
            if (current instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (state == null && CLOSED_POOL_CONNECTION.equals(sql.getMessage())) {
                    return true;
                }
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }
}
