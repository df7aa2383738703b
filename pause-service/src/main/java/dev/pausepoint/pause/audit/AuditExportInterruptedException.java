package dev.pausepoint.pause.audit;

/**
 * An export that stopped after its first bytes were sent: the client went away, the database failed, or
 * it ran past its longest duration. Its status and headers are gone, so no envelope can say so; the
 * controller lets this reach the servlet container, which closes the connection without the end of the
 * chunked body, and the client sees an incomplete answer rather than a short file that looks whole.
 */
class AuditExportInterruptedException extends RuntimeException {

    AuditExportInterruptedException(String message) {
        super(message);
    }

    AuditExportInterruptedException(Throwable cause) {
        super("audit export interrupted: " + cause, cause);
    }
}
