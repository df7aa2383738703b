package dev.pausepoint.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.delivery.DeliveryApiTest;
import dev.pausepoint.delivery.schedule.Lease;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What one claim reads, on real Postgres, under a large backlog: the rows of {@code webhook_delivery} its
 * scans return (the transaction's own statistics: {@code pg_stat_xact_user_tables} and
 * {@code pg_stat_get_xact_tuples_returned} of the table's indexes), which must follow the batch and the
 * endpoints with due work, not the backlog. A claim that numbers every due delivery reads all 20,000 of
 * them (40,008 and 40,068 in these two cases). Each case runs in a transaction that is rolled back, with
 * every other pending delivery set aside.
 */
class WebhookClaimCostTest extends DeliveryApiTest {

    private static final Instant DUE = Instant.parse("2100-01-01T00:00:00Z");
    private static final Instant NOW = DUE.plus(Duration.ofDays(1));
    private static final Lease LEASE = new Lease("copy-a", Duration.ofMinutes(2));
    private static final int BACKLOG = 20_000;
    private static final int LIMIT = 64;
    private static final int PER_ENDPOINT = 4;
    private static final int PER_DEVELOPER = 32;

    @Autowired
    WebhookDeliveryRepository repository;

    @Test
    void aClaimFromOneEndpointsBacklogOfTwentyThousandReadsWhatItClaims() {
        Claim claim = claimFromBacklog(1, 1);

        assertThat(claim.delivered()).as("the endpoint's cap: its 4 oldest").hasSize(PER_ENDPOINT)
                .containsExactlyInAnyOrderElementsOf(claim.oldestOfEachEndpoint());
        assertThat(claim.rowsRead()).as("rows of webhook_delivery read by a claim of %d from %,d due", PER_ENDPOINT,
                BACKLOG).isLessThanOrEqualTo(50);
    }

    @Test
    void aClaimFromAHundredEndpointsBacklogsReadsInProportionToTheEndpointsNotTheBacklog() {
        Claim claim = claimFromBacklog(100, 10);

        assertThat(claim.delivered()).hasSize(LIMIT);
        assertThat(claim.perEndpoint().values()).as("each endpoint's cap")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo((long) PER_ENDPOINT));
        assertThat(claim.perDeveloper().values()).as("the batch shared by the ten developers")
                .hasSize(10).allSatisfy(n -> assertThat(n).isBetween(6L, 7L));
        // Each endpoint: a step of the walk over the endpoints and its oldest due rows (one past its cap, where
        // the index scan stops); each claimed row: its lock and its update.
        assertThat(claim.rowsRead()).as("rows of webhook_delivery read by a claim of %d from %,d due over 100 endpoints",
                LIMIT, BACKLOG).isLessThanOrEqualTo(100 * (2 + PER_ENDPOINT + 1) + 4 * LIMIT);
    }

    private record Claim(List<DueDelivery> claimed, List<String> oldestOfEachEndpoint, long rowsRead) {

        List<String> delivered() {
            return claimed.stream().map(DueDelivery::deliveryId).toList();
        }

        Map<String, Long> perEndpoint() {
            return claimed.stream().collect(Collectors.groupingBy(DueDelivery::webhookId, Collectors.counting()));
        }

        Map<String, Long> perDeveloper() {
            return claimed.stream().collect(Collectors.groupingBy(DueDelivery::developerId, Collectors.counting()));
        }
    }

    /**
     * Seeds {@link #BACKLOG} due deliveries spread evenly over {@code endpoints} endpoints of {@code developers}
     * developers, claims once with nothing in flight, and rolls it all back.
     */
    private Claim claimFromBacklog(int endpoints, int developers) {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < developers; i++) {
            owners.add("dev_" + UUID.randomUUID());
        }
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            ours.add(webhookEndpoint(owners.get(i % developers)));
        }
        String[] ids = ours.toArray(String[]::new);
        // As autovacuum keeps it: without the index entries of rows rolled back by earlier cases (such as the
        // other backlog here), which a scan would step over until it has marked them dead.
        jdbc.sql("VACUUM webhook_delivery").update();
        return withOnlyThesePending("webhook_delivery", "webhook_id", ours, () -> {
            jdbc.sql("""
                    INSERT INTO webhook_delivery (id, webhook_id, event_id, event, pause_id, data, status, next_attempt_at,
                        created_at)
                    SELECT 'wdl_' || gen_random_uuid(), (?::text[])[1 + i % ?], 'evt_' || gen_random_uuid(), 'pause.responded',
                           'psr_cost', '{}', 'pending', ?::timestamptz + i * interval '1 millisecond', now()
                    FROM generate_series(0, ? - 1) i""")
                    .params(ids, endpoints, Timestamp.from(DUE), BACKLOG).update();
            // As autovacuum leaves a table under a backlog: statistics that know it (its rows count as live to the
            // transaction that inserted them, and the statistics roll back with it). A planner that thinks the
            // table holds a few rows may take any index on webhook_id, which would read every row of the endpoint.
            jdbc.sql("ANALYZE webhook_delivery").update();
            List<String> oldest = jdbc.sql("""
                    SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY webhook_id ORDER BY next_attempt_at) AS n
                                    FROM webhook_delivery WHERE webhook_id = ANY (?)) d
                    WHERE n <= ?""").params(ids, PER_ENDPOINT).query(String.class).list();
            long before = rowsRead();
            List<DueDelivery> claimed = repository.claimDue(NOW, LEASE, LIMIT, PER_ENDPOINT, PER_DEVELOPER, Map.of(),
                    Map.of());
            return new Claim(claimed, oldest, rowsRead() - before);
        });
    }

    /** Rows of webhook_delivery this transaction's scans have returned so far, from its heap and its indexes. */
    private long rowsRead() {
        return jdbc.sql("""
                SELECT coalesce((SELECT seq_tup_read FROM pg_stat_xact_user_tables WHERE relname = 'webhook_delivery'), 0)
                     + (SELECT coalesce(sum(pg_stat_get_xact_tuples_returned(indexrelid)), 0) FROM pg_index
                        WHERE indrelid = 'webhook_delivery'::regclass)""")
                .query(Long.class).single();
    }
}
