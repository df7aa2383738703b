package dev.pausepoint.pause.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.pause.PauseApiTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page of the list costs a page: the statements the repository runs, explained on real Postgres with a
 * developer whose newest pauses all have another status or channel than the one asked for. Walking the
 * developer's pauses newest first and filtering them, as the list once did, reads all of them, so these
 * hold for a developer with a million pauses as for one with 5,000.
 */
class PauseListingPlanTest extends PauseApiTest {

    private static final int NEWER_PENDING = 5_000;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPageOfOneStatusReadsNoPauseOfAnotherStatus() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String cancelled = createdId(caller, SMS_PAUSE);
        assertThat(client.send("DELETE", "/v1/pause/" + cancelled, null, null, caller).status()).isEqualTo(200);
        seedPauses(jdbc, caller.developerId(), false, NEWER_PENDING, "sms", "pending", Instant.now());
        jdbc.sql("ANALYZE pause").update();

        QueryPlan plan = QueryPlan.explain(jdbc, PauseRepository.LIST_BY_STATUS,
                List.of(caller.developerId(), false, "cancelled", 21, 0));

        assertThat(plan.actualRows()).as("rows the plan returns").isEqualTo(1);
        assertThat(plan.rowsRead()).as("rows read or filtered out by any node of\n%s", plan).isLessThanOrEqualTo(2);
        assertThat(client.get("/v1/pause?status=cancelled", caller).json().get("items").get(0)
                .get("pause_id").asString()).isEqualTo(cancelled);
    }

    @Test
    void aPageOfEveryStatusReadsOnlyThePage() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        seedPauses(jdbc, caller.developerId(), false, NEWER_PENDING, "sms", "pending", Instant.now());
        jdbc.sql("ANALYZE pause").update();

        QueryPlan plan = QueryPlan.explain(jdbc, PauseRepository.LIST, List.of(caller.developerId(), false, 21, 40));

        assertThat(plan.actualRows()).isEqualTo(21);
        assertThat(plan.rowsRead()).as("rows read or filtered out by any node of\n%s", plan).isLessThanOrEqualTo(61);
    }

    /** Slack pauses older than 5,000 SMS ones: the Slack page reads the Slack pauses and nothing else. */
    @Test
    void aPageOfOneChannelReadsNoPauseOfAnotherChannel() {
        CallerIdentity caller = developer("pro", KeyMode.TEST);
        seedPauses(jdbc, caller.developerId(), false, 3, "slack", "cancelled", Instant.now().minusSeconds(60));
        seedPauses(jdbc, caller.developerId(), false, 2, "slack", "pending", Instant.now().minusSeconds(60));
        seedPauses(jdbc, caller.developerId(), false, NEWER_PENDING, "sms", "pending", Instant.now());
        jdbc.sql("ANALYZE pause").update();

        QueryPlan plan = QueryPlan.explain(jdbc, PauseRepository.LIST_BY_CHANNEL, Map.of("developer",
                caller.developerId(), "livemode", false, "channel", "slack", "end", 21, "limit", 21, "offset", 0));

        assertThat(plan.actualRows()).isEqualTo(5);
        assertThat(plan.rowsRead()).as("rows read or filtered out by any node of\n%s", plan).isLessThanOrEqualTo(5);
        assertThat(plan.indexes()).containsOnly("pause_listing_by_channel");
        assertThat(client.get("/v1/pause?channel=slack", caller).json().get("items")).hasSize(5);
    }

    /**
     * The common channel: each status run is read at most to the page's end, not whole (5,000 pending and
     * 5,000 cancelled SMS pauses here).
     */
    @Test
    void aPageOfOneChannelReadsEachStatusRunOnlyToThePagesEnd() {
        CallerIdentity caller = developer("pro", KeyMode.TEST);
        seedPauses(jdbc, caller.developerId(), false, NEWER_PENDING, "sms", "cancelled", Instant.now());
        seedPauses(jdbc, caller.developerId(), false, NEWER_PENDING, "sms", "pending", Instant.now());
        jdbc.sql("ANALYZE pause").update();

        QueryPlan plan = QueryPlan.explain(jdbc, PauseRepository.LIST_BY_CHANNEL, Map.of("developer",
                caller.developerId(), "livemode", false, "channel", "sms", "end", 61, "limit", 21, "offset", 40));

        assertThat(plan.actualRows()).isEqualTo(21);
        assertThat(plan.rowsRead()).as("at most the page and its offset from each status run:\n%s", plan)
                .isLessThanOrEqualTo(61L * PauseStatus.values().length);
        assertThat(plan.indexes()).containsOnly("pause_listing_by_channel");
    }

    @Test
    void aPageOfOneChannelAndOneStatusReadsOnlyThatRun() {
        CallerIdentity caller = developer("pro", KeyMode.TEST);
        seedPauses(jdbc, caller.developerId(), false, 1, "email", "responded", Instant.now().minusSeconds(60));
        seedPauses(jdbc, caller.developerId(), false, NEWER_PENDING, "email", "pending", Instant.now());
        seedPauses(jdbc, caller.developerId(), false, NEWER_PENDING, "sms", "responded", Instant.now());
        jdbc.sql("ANALYZE pause").update();

        QueryPlan plan = QueryPlan.explain(jdbc, PauseRepository.LIST_BY_CHANNEL_AND_STATUS,
                List.of(caller.developerId(), false, "email", "responded", 21, 0));

        assertThat(plan.actualRows()).isEqualTo(1);
        assertThat(plan.rowsRead()).as("rows read or filtered out by any node of\n%s", plan).isLessThanOrEqualTo(2);
        assertThat(plan.indexes()).containsOnly("pause_listing_by_channel");
    }
}
