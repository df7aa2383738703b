package dev.pausepoint.pause.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.pause.PauseApiTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statistics' one aggregate reads the days asked for and nothing older: explained on real Postgres for
 * a developer with 20,000 pauses before the range and 30 in it, so it holds for one with a million.
 */
class PauseDailyCountsPlanTest extends PauseApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDailyCountsReadOnlyTheRangesEntriesOfTheirOwnIndex() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant longAgo = today.minusDays(200).atStartOfDay().toInstant(ZoneOffset.UTC);
        seedPauses(jdbc, caller.developerId(), false, 10_000, "sms", "pending", longAgo);
        seedPauses(jdbc, caller.developerId(), false, 10_000, "email", "cancelled", longAgo);
        seedPauses(jdbc, caller.developerId(), false, 20, "sms", "responded", Instant.now());
        seedPauses(jdbc, caller.developerId(), false, 10, "sms", "pending", Instant.now().minusSeconds(86_400));
        // So the planner knows which pages hold only visible rows, as autovacuum would tell it.
        jdbc.sql("VACUUM (ANALYZE) pause").update();

        QueryPlan plan = QueryPlan.explain(jdbc, PauseRepository.COUNT_CREATED_BY_DAY, List.of(caller.developerId(),
                false, start(today.minusDays(89)), start(today.plusDays(1))));

        assertThat(plan.rowsRead()).as("the range's 30, in the index (and at most in the table once more):\n%s", plan)
                .isBetween(30L, 60L);
        assertThat(plan.indexes()).containsExactly("pause_created_by_day");
        assertThat(plan.nodes()).noneMatch(node -> node.get("Node Type").asString().equals("Seq Scan"));
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
