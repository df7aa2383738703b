package dev.pausepoint.delivery.notification;

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
 * The notification claim's order and cap, and the release of stranded leases, row by row, on real
 * Postgres, in a rolled-back transaction in which every other pending notification is set aside.
 */
class NotificationClaimOrderTest extends DeliveryApiTest {

    private static final Instant DUE = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired
    NotificationRepository repository;

    private String due(String developerId, int minutesAfter) {
        String pauseId = "psr_" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO notification (pause_id, developer_id, livemode, channel, recipient, respond_url, message,
                    options, status, next_attempt_at, created_at, updated_at)
                VALUES (?, ?, true, 'sms', '+14155550123', 'https://pausepoint.example/respond/t', 'Order?',
                    '["Yes", "No"]', 'pending', ?, now(), now())""")
                .params(pauseId, developerId, Timestamp.from(DUE.plus(Duration.ofMinutes(minutesAfter)))).update();
        return pauseId;
    }

    private List<String> claimedAlone(List<String> ours, Function<Instant, List<Notification>> claim) {
        return withOnlyThesePending("notification", "pause_id", ours,
                () -> claim.apply(DUE.plus(Duration.ofHours(1))).stream().map(Notification::pauseId).toList());
    }

    @Test
    void aDeveloperWithFewerSendsInFlightGoesFirstAndNoneGoesPastItsCap() {
        String burst = "dev_" + UUID.randomUUID();
        String other = "dev_" + UUID.randomUUID();
        List<String> bursts = List.of(due(burst, 0), due(burst, 1), due(burst, 2));
        String others = due(other, 30);
        List<String> ours = List.of(bursts.get(0), bursts.get(1), bursts.get(2), others);
        Lease lease = new Lease("copy-a", Duration.ofMinutes(2));

        assertThat(claimedAlone(ours, now -> repository.claimDue(now, lease, 1, 8, Map.of()))).containsExactly(bursts.get(0));
        assertThat(claimedAlone(ours, now -> repository.claimDue(now, lease, 1, 8, Map.of(burst, 1)))).containsExactly(others);
        assertThat(claimedAlone(ours, now -> repository.claimDue(now, lease, 10, 8, Map.of(burst, 6))))
                .containsExactlyInAnyOrder(bursts.get(0), bursts.get(1), others);
        assertThat(claimedAlone(ours, now -> repository.claimDue(now, lease, 10, 8, Map.of(burst, 8)))).containsExactly(others);
    }

    @Test
    void aReleaseGivesBackOnlyTheHoldersLeasesWithNothingInFlightAndNoOutcome() {
        String developer = "dev_" + UUID.randomUUID();
        List<String> ours = List.of(due(developer, 0), due(developer, 1), due(developer, 2), due(developer, 3));
        Instant now = DUE.plus(Duration.ofHours(1));
        Lease mine = new Lease("copy-a", Duration.ofMinutes(2));
        Lease theirs = new Lease("copy-b", Duration.ofMinutes(2));

        List<String> dueAgain = withOnlyThesePending("notification", "pause_id", ours, () -> {
            List<Notification> claimedRows = repository.claimDue(now, mine, 3, 8, Map.of());
            List<String> claimed = claimedRows.stream().map(Notification::pauseId).toList();
            assertThat(claimed).containsExactlyElementsOf(ours.subList(0, 3));
            assertThat(repository.claimDue(now, theirs, 1, 8, Map.of())).extracting(Notification::pauseId)
                    .containsExactly(ours.get(3));
            // The first has an outcome (a retry in 30 s), the second is still being sent, the third was lost.
            repository.markRetry(claimedRows.get(0), 1, now.plusSeconds(30), "HTTP 503", now);
            Instant later = now.plusSeconds(1);
            List<String> inFlight = List.of(claimedRows.get(1).key());
            assertThat(repository.releaseStranded("copy-a", inFlight, later)).isEqualTo(1);
            assertThat(repository.releaseStranded("copy-a", inFlight, later)).isZero();
            return repository.claimDue(later, mine, 10, 8, Map.of()).stream().map(Notification::pauseId).toList();
        });

        assertThat(dueAgain).containsExactly(ours.get(2));
    }
}
