package dev.pausepoint.pause.quota;

import dev.pausepoint.kit.trust.InternalClient;
import dev.pausepoint.kit.trust.InternalClients;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The month's quota lives in billing-service; a live pause reserves its slot there, keyed by pause id
 * so a retry never counts twice. A 402 from billing reaches the client unchanged.
 */
@Component
public class QuotaClient {

    private static final Logger log = LoggerFactory.getLogger(QuotaClient.class);

    private final InternalClient billing;

    public QuotaClient(InternalClients clients) {
        this.billing = clients.forService("billing-service");
    }

    /**
     * Runs {@code store} with the pause's slot reserved, and gives the slot back if {@code store} throws
     * (its transaction failed, or another request with the same idempotency key won): one step with its
     * own undo. A refused reservation throws before {@code store} runs.
     */
    public <T> T withSlot(String developerId, String pauseId, Supplier<T> store) {
        billing.post("/internal/usage/reserve", Map.of("developer_id", developerId, "pause_id", pauseId));
        try {
            return store.get();
        } catch (RuntimeException e) {
            releaseQuietly(pauseId);
            throw e;
        }
    }

    /** A failure to give the slot back is logged, not thrown: the caller's own failure is the answer. */
    private void releaseQuietly(String pauseId) {
        try {
            billing.post("/internal/usage/release", Map.of("pause_id", pauseId));
        } catch (RuntimeException e) {
            log.warn("Could not give back the quota slot of {} that was never created: {}", pauseId, e.toString());
        }
    }
}
