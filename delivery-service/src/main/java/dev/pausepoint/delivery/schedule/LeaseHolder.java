package dev.pausepoint.delivery.schedule;

import java.util.UUID;

/**
 * Who holds the leases this instance takes on due work: its {@code INSTANCE_ID} when set (a copy that
 * restarts under the same id takes its stranded leases back at once), else an id of this process alone.
 * Two live copies must never share an id, which is also what Kafka's static membership asks of it.
 */
public record LeaseHolder(String id) {

    public static LeaseHolder of(String instanceId) {
        return new LeaseHolder(instanceId == null || instanceId.isBlank() ? "process-" + UUID.randomUUID() : instanceId);
    }
}
