package dev.pausepoint.pause.audit;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.RetryLaterException;
import java.util.HashSet;
import java.util.Set;

/**
 * The exports this instance is writing. Each holds a database connection (its cursor's transaction) for
 * as long as its client takes to read it, and the pool is shared with every create and read, so at most
 * {@code perInstance} run at once, and one developer runs at most one of them, so a developer cannot
 * take every slot. A refused export can be tried again shortly: {@code Retry-After} says when.
 */
final class AuditExportSlots {

    /** Seconds a refused caller is told to wait; an export of ordinary size takes a few. */
    static final long RETRY_AFTER_SECONDS = 5;

    private final int perInstance;
    private final Set<String> developers = new HashSet<>();

    AuditExportSlots(int perInstance) {
        if (perInstance < 1) {
            throw new IllegalArgumentException("pausepoint.audit.export.max-per-instance must be at least 1");
        }
        this.perInstance = perInstance;
    }

    /** The developer's slot, given back by closing it; 429 while they hold one, 503 while all are taken. */
    synchronized Slot claim(String developerId) {
        if (developers.contains(developerId)) {
            throw new ExportInProgressException();
        }
        if (developers.size() >= perInstance) {
            throw new ExportsBusyException();
        }
        developers.add(developerId);
        return new Slot(developerId);
    }

    synchronized int inUse() {
        return developers.size();
    }

    private synchronized void release(String developerId) {
        developers.remove(developerId);
    }

    /** One export's claim; closing it again changes nothing. */
    final class Slot implements AutoCloseable {

        private final String developerId;
        private boolean open = true;

        private Slot(String developerId) {
            this.developerId = developerId;
        }

        @Override
        public void close() {
            synchronized (AuditExportSlots.this) {
                if (open) {
                    open = false;
                    release(developerId);
                }
            }
        }
    }

    /** The developer's previous export is still being written here. */
    static final class ExportInProgressException extends RetryLaterException {

        ExportInProgressException() {
            super(ErrorCode.RATE_LIMITED, "An audit export of this account is already in progress; one runs at a time.",
                    RETRY_AFTER_SECONDS);
        }
    }

    /** This instance is writing as many exports as it may. */
    static final class ExportsBusyException extends RetryLaterException {

        ExportsBusyException() {
            super(ErrorCode.SERVICE_UNAVAILABLE, "Too many audit exports are in progress; try again shortly.",
                    RETRY_AFTER_SECONDS);
        }
    }
}
