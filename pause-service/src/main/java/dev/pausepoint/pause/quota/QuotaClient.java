package dev.pausepoint.pause.quota;

import dev.pausepoint.kit.trust.InternalClient;
import dev.pausepoint.kit.trust.InternalClients;
import java.util.Map;
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

    public void reserve(String developerId, String pauseId) {
        billing.post("/internal/usage/reserve", Map.of("developer_id", developerId, "pause_id", pauseId));
    }

    /** Gives the slot back after the pause could not be stored; a failure here is logged, not thrown. */
    public void releaseQuietly(String pauseId) {
        try {
            billing.post("/internal/usage/release", Map.of("pause_id", pauseId));
        } catch (RuntimeException e) {
            log.warn("Could not give back the quota slot of {} that was never created: {}", pauseId, e.toString());
        }
    }
}
