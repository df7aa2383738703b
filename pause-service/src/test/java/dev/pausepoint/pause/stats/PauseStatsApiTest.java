package dev.pausepoint.pause.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /v1/stats/pauses}: each UTC day's created pauses by their status now, in the caller's world. */
class PauseStatsApiTest extends PauseApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDayOfTheRangeIsListedOldestFirstWithZerosWhereNothingWasCreated() {
        Reply reply = client.get("/v1/stats/pauses", developer("free", KeyMode.TEST));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode stats = reply.json();
        LocalDate to = LocalDate.parse(stats.get("to_date").asString());
        assertThat(to).isBetween(LocalDate.now(ZoneOffset.UTC).minusDays(1), LocalDate.now(ZoneOffset.UTC));
        assertThat(LocalDate.parse(stats.get("from_date").asString())).as("30 days by default, today included")
                .isEqualTo(to.minusDays(29));
        assertThat(stats.get("days")).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(stats.get("days").get(i).toString()).isEqualTo("{\"date\":\"" + to.minusDays(29 - i)
                    + "\",\"created\":0,\"pending\":0,\"responded\":0,\"timed_out\":0,\"cancelled\":0}");
        }
        List<String> names = new ArrayList<>();
        stats.propertyNames().forEach(names::add);
        assertThat(names).containsExactly("from_date", "to_date", "days");
    }

    @Test
    void eachDayCountsItsCreatedPausesByTheStatusEachHasNow() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String responded = createdId(caller, SMS_PAUSE);
        assertThat(respond(responded).status()).isEqualTo(200);
        String cancelled = createdId(caller, SMS_PAUSE);
        client.send("DELETE", "/v1/pause/" + cancelled, null, null, caller);
        createdId(caller, SMS_PAUSE);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        seedPauses(jdbc, caller.developerId(), false, 2, "sms", "timed_out", noon(today.minusDays(3)));
        seedPauses(jdbc, caller.developerId(), false, 1, "sms", "pending", noon(today.minusDays(3)));
        seedPauses(jdbc, caller.developerId(), false, 4, "sms", "responded", noon(today.minusDays(6)).plusSeconds(43_199));
        seedPauses(jdbc, caller.developerId(), false, 5, "sms", "cancelled", noon(today.minusDays(7)));
        // Not counted: the other world, another developer, and a day before the range.
        seedPauses(jdbc, caller.developerId(), true, 9, "sms", "pending", noon(today.minusDays(3)));
        seedPauses(jdbc, developer("free", KeyMode.TEST).developerId(), false, 9, "sms", "pending", noon(today));

        Map<String, String> days = days(client.get("/v1/stats/pauses?days=7", caller));

        assertThat(days).hasSize(7);
        assertThat(days.get(today.toString())).as("today").isEqualTo("3,1,1,0,1");
        assertThat(days.get(today.minusDays(3).toString())).isEqualTo("3,1,0,2,0");
        assertThat(days.get(today.minusDays(6).toString())).as("the last second of the range's first day")
                .isEqualTo("4,0,4,0,0");
        assertThat(days).doesNotContainKey(today.minusDays(7).toString());
        assertThat(days.get(today.minusDays(1).toString())).isEqualTo("0,0,0,0,0");
        assertThat(days(client.get("/v1/stats/pauses?days=8", caller)).get(today.minusDays(7).toString()))
                .isEqualTo("5,0,0,0,5");
        assertThat(days(client.get("/v1/stats/pauses?days=7", sameDeveloper(caller, KeyMode.LIVE)))
                .get(today.minusDays(3).toString())).as("the live world's own").isEqualTo("9,9,0,0,0");
    }

    @Test
    void daysFromOneToNinetyAreListedAndAnyOtherIsAValidationError() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        assertThat(client.get("/v1/stats/pauses?days=1", caller).json().get("days")).hasSize(1);
        assertThat(client.get("/v1/stats/pauses?days=90", caller).json().get("days")).hasSize(90);
        for (String days : List.of("0", "91", "-1", "ten", "1e3", "99999999999", "2.5", "%00")) {
            Reply reply = client.get("/v1/stats/pauses?days=" + days, caller);
            assertThat(reply.status()).as(days).isEqualTo(422);
            assertThat(reply.json().get("error").asString()).isEqualTo("VALIDATION_ERROR");
            assertThat(reply.json().get("detail").get(0).get("field").asString()).as(days).isEqualTo("days");
        }
        assertThat(client.get("/v1/stats/pauses?days=0", caller).json().get("detail").get(0).get("issue").asString())
                .isEqualTo("must be between 1 and 90");
    }

    @Test
    void aSessionGetsTheFiguresOfTheWorldItSelects() {
        CallerIdentity key = developer("free", KeyMode.TEST);
        createdId(key, SMS_PAUSE);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        assertThat(days(client.get("/v1/stats/pauses?days=1", session(key, KeyMode.TEST))).get(today))
                .isEqualTo("1,1,0,0,0");
        assertThat(days(client.get("/v1/stats/pauses?days=1", session(key, KeyMode.LIVE))).get(today))
                .isEqualTo("0,0,0,0,0");
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    /** Each listed day as "created,pending,responded,timed_out,cancelled". */
    private static Map<String, String> days(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, String> days = new HashMap<>();
        reply.json().get("days").forEach(day -> days.put(day.get("date").asString(), String.join(",",
                day.get("created").asString(), day.get("pending").asString(), day.get("responded").asString(),
                day.get("timed_out").asString(), day.get("cancelled").asString())));
        return days;
    }
}
