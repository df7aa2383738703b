package dev.pausepoint.pause.audit;

import dev.pausepoint.identity.CallerIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/audit/export}'s work: every matching entry of the caller's world, newest first, written
 * as it is read from a cursor in one read-only transaction, so the export holds a fetch's worth of rows
 * however many there are, and sees one snapshot of the log from its first line to its last.
 */
@Service
public class AuditExportService {

    private final AuditRepository entries;
    private final TransactionTemplate readOnly;
    private final AuditExportSlots slots;
    private final AuditExportProperties properties;
    private final JsonMapper json;

    AuditExportService(AuditRepository entries, PlatformTransactionManager transactions, AuditExportSlots slots,
            AuditExportProperties properties, JsonMapper json) {
        this.entries = entries;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.slots = slots;
        this.properties = properties;
        this.json = json;
    }

    /** The caller's place among the exports running here; see {@link AuditExportSlots}. */
    AuditExportSlots.Slot claim(CallerIdentity caller) {
        return slots.claim(caller.developerId());
    }

    /**
     * Writes the export to {@code out}. A failure of the client's connection ends the transaction and gives
     * its connection back to the pool at once: it is thrown from the write of the row being sent.
     */
    void write(CallerIdentity caller, AuditFilter filter, AuditExportFormat format, OutputStream out) {
        long deadline = System.nanoTime() + properties.maxDuration().toNanos();
        readOnly.executeWithoutResult(transaction -> {
            unchecked(() -> format.begin(out));
            entries.each(caller.developerId(), caller.livemode(), filter, properties.fetchSize(), entry -> {
                if (System.nanoTime() - deadline > 0) {
                    throw new AuditExportInterruptedException("audit export ran past its " + properties.maxDuration());
                }
                unchecked(() -> format.write(entry, out, json));
            });
        });
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void unchecked(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
