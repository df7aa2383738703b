package dev.pausepoint.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.delivery.DeliveryApiTest;
import dev.pausepoint.delivery.schedule.Lease;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The claim's order and caps, row by row, on real Postgres. Each case runs in a transaction that is
 * rolled back, with every other pending delivery set aside.
 */
class WebhookClaimOrderTest extends DeliveryApiTest {

    private static final Instant DUE = Instant.parse("2100-01-01T00:00:00Z");
    private static final Lease LEASE = new Lease("copy-a", Duration.ofMinutes(2));

    @Autowired
    WebhookDeliveryRepository repository;

    /** A delivery due {@code minutesAfter} minutes after {@link #DUE}, long after any other test's. */
    private String due(String webhookId, int minutesAfter) {
        String id = "wdl_" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO webhook_delivery (id, webhook_id, event_id, event, pause_id, data, status, next_attempt_at, created_at)
                VALUES (?, ?, ?, 'pause.responded', 'psr_order', '{}', 'pending', ?, now())""")
                .params(id, webhookId, "evt_" + UUID.randomUUID(), Timestamp.from(DUE.plus(Duration.ofMinutes(minutesAfter))))
                .update();
        return id;
    }

    private List<String> claimedAlone(List<String> ours, Function<Instant, List<DueDelivery>> claim) {
        return withOnlyThesePending("webhook_delivery", "id", ours,
                () -> claim.apply(DUE.plus(Duration.ofHours(1))).stream().map(DueDelivery::deliveryId).toList());
    }

    @Test
    void aDeveloperWithFewerPostsInFlightGoesFirstHoweverOldTheOthersBacklog() {
        String busy = "dev_" + UUID.randomUUID();
        String idle = "dev_" + UUID.randomUUID();
        String busyEndpoint = webhookEndpoint(busy);
        String oldest = due(busyEndpoint, 0);
        String older = due(busyEndpoint, 1);
        String idlesOnly = due(webhookEndpoint(idle), 30);
        List<String> ours = List.of(oldest, older, idlesOnly);

        assertThat(claimedAlone(ours, now -> repository.claimDue(now, LEASE, 1, 4, 32, Map.of(), Map.of())))
                .as("nothing in flight anywhere: the oldest row").containsExactly(oldest);
        assertThat(claimedAlone(ours, now -> repository.claimDue(now, LEASE, 1, 4, 32, Map.of(), Map.of(busy, 1))))
                .as("one post in flight for the busy developer: the idle one's row first").containsExactly(idlesOnly);
        assertThat(claimedAlone(ours, now -> repository.claimDue(now, LEASE, 2, 4, 32, Map.of(), Map.of(busy, 1))))
                .containsExactlyInAnyOrder(idlesOnly, oldest);
    }

    @Test
    void noDeveloperOrEndpointGoesPastItsCapCountingWhatIsInFlight() {
        String developer = "dev_" + UUID.randomUUID();
        String first = webhookEndpoint(developer);
        String second = webhookEndpoint(developer);
        List<String> ours = List.of(due(first, 0), due(first, 1), due(first, 2), due(second, 3), due(second, 4));

        assertThat(claimedAlone(ours, now -> repository.claimDue(now, LEASE, 10, 4, 3, Map.of(), Map.of(developer, 1))))
                .as("2 more for a developer capped at 3 with 1 in flight").hasSize(2);
        assertThat(claimedAlone(ours, now -> repository.claimDue(now, LEASE, 10, 4, 32, Map.of(first, 3), Map.of(developer, 3))))
                .as("1 more for an endpoint capped at 4 with 3 in flight, its oldest")
                .containsExactlyInAnyOrder(ours.get(0), ours.get(3), ours.get(4));
        assertThat(claimedAlone(ours, now -> repository.claimDue(now, LEASE, 10, 4, 3, Map.of(), Map.of(developer, 3))))
                .as("a developer at its cap").isEmpty();
    }

    @Test
    void withinADeveloperAnIdleEndpointGoesBeforeABusyOnesBacklog() {
        String developer = "dev_" + UUID.randomUUID();
        String dead = webhookEndpoint(developer);
        String healthy = webhookEndpoint(developer);
        String deadsOldest = due(dead, 0);
        String healthys = due(healthy, 30);
        List<String> ours = List.of(deadsOldest, due(dead, 1), healthys);

        assertThat(claimedAlone(ours, now -> repository.claimDue(now, LEASE, 1, 4, 32, Map.of(dead, 3), Map.of(developer, 3))))
                .containsExactly(healthys);
    }

    @Test
    void aReleaseGivesBackOnlyTheHoldersLeasesWithNothingInFlightAndNoOutcome() {
        String developer = "dev_" + UUID.randomUUID();
        String endpoint = webhookEndpoint(developer);
        List<String> ours = List.of(due(endpoint, 0), due(endpoint, 1), due(endpoint, 2), due(endpoint, 3));
        Instant now = DUE.plus(Duration.ofHours(1));
        Lease theirs = new Lease("copy-b", Duration.ofMinutes(2));

        List<String> dueAgain = withOnlyThesePending("webhook_delivery", "id", ours, () -> {
            List<DueDelivery> claimed = repository.claimDue(now, LEASE, 3, 4, 32, Map.of(), Map.of());
            assertThat(claimed).extracting(DueDelivery::deliveryId).containsExactlyElementsOf(ours.subList(0, 3));
            assertThat(repository.claimDue(now, theirs, 1, 4, 32, Map.of(), Map.of()))
                    .extracting(DueDelivery::deliveryId).containsExactly(ours.get(3));
            // The first has an outcome (a retry in 5 s), the second is still being posted, the third was lost.
            repository.recordAttempt(claimed.get(0), 1, 503, "HTTP 503", 12, "pending", now.plusSeconds(5), now);
            Instant later = now.plusSeconds(1);
            List<String> inFlight = List.of(claimed.get(1).deliveryId());
            assertThat(repository.releaseStranded("copy-a", inFlight, later)).isEqualTo(1);
            assertThat(repository.releaseStranded("copy-a", inFlight, later)).isZero();
            return repository.claimDue(later, LEASE, 10, 4, 32, Map.of(), Map.of()).stream()
                    .map(DueDelivery::deliveryId).toList();
        });

        assertThat(dueAgain).containsExactly(ours.get(2));
    }
}
