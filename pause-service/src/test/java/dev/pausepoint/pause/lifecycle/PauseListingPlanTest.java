package dev.pausepoint.pause.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.pause.PauseApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page of the list costs a page: the statements the repository runs, explained on real Postgres with a
 * developer whose newest pauses all have another status than the one asked for. Walking the
 * developer's pauses newest first and filtering them, as the list once did, reads all of them.
 */
class PauseListingPlanTest extends PauseApiTest {

    private static final int NEWER_PENDING = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPageOfOneStatusReadsNoPauseOfAnotherStatus() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String cancelled = createdId(caller, SMS_PAUSE);
        assertThat(client.send("DELETE", "/v1/pause/" + cancelled, null, null, caller).status()).isEqualTo(200);
        seedPending(caller.developerId(), NEWER_PENDING);
        jdbc.sql("ANALYZE pause").update();

        JsonNode plan = explain(PauseRepository.LIST_BY_STATUS, caller.developerId(), false, "cancelled", 21, 0);

        assertThat(actualRows(plan)).as("rows the plan returns").isEqualTo(1);
        assertThat(rowsRead(plan)).as("rows read or filtered out by any node of\n%s", plan.toPrettyString())
                .isLessThanOrEqualTo(2);
        assertThat(client.get("/v1/pause?status=cancelled", caller).json().get("items").get(0)
                .get("pause_id").asString()).isEqualTo(cancelled);
    }

    @Test
    void aPageOfEveryStatusReadsOnlyThePage() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        seedPending(caller.developerId(), NEWER_PENDING);
        jdbc.sql("ANALYZE pause").update();

        JsonNode plan = explain(PauseRepository.LIST, caller.developerId(), false, 21, 40);

        assertThat(actualRows(plan)).isEqualTo(21);
        assertThat(rowsRead(plan)).as("rows read or filtered out by any node of\n%s", plan.toPrettyString())
                .isLessThanOrEqualTo(61);
    }

    private void seedPending(String developerId, int count) {
        jdbc.sql("""
                INSERT INTO pause (id, developer_id, livemode, channel, recipient, message, options,
                                   allow_text_response, created_at, expires_at)
                SELECT 'psr_seed_' || ? || '_' || n, ?, false, 'sms', '+15005550006', 'seeded', '["yes","no"]',
                       false, now(), now() + interval '1 day'
                FROM generate_series(1, ?) n""")
                .params(developerId, developerId, count).update();
    }

    private JsonNode explain(String statement, Object... params) {
        String json = jdbc.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + statement).params(List.of(params))
                .query(String.class).single();
        return JSON.readTree(json).get(0).get("Plan");
    }

    private static long actualRows(JsonNode plan) {
        return plan.get("Actual Rows").asLong();
    }

    /** Every row any scan produced or discarded, summed over the plan's nodes. */
    private static long rowsRead(JsonNode plan) {
        List<JsonNode> nodes = new ArrayList<>();
        collect(plan, nodes);
        long read = 0;
        for (JsonNode node : nodes) {
            if (node.get("Node Type").asString().contains("Scan")) {
                read += node.get("Actual Rows").asLong();
            }
            if (node.has("Rows Removed by Filter")) {
                read += node.get("Rows Removed by Filter").asLong();
            }
        }
        return read;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> collect(child, into));
        }
    }
}
