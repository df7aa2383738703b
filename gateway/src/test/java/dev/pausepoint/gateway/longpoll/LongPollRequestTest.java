package dev.pausepoint.gateway.longpoll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class LongPollRequestTest {

    private static OptionalInt wait(HttpMethod method, String path, String... values) {
        return LongPollRequest.waitSeconds(method, path, values.length == 0 ? null : List.of(values));
    }

    @Test
    void aGetOfOnePauseWithAWaitIsALongPoll() {
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1", "30")).hasValue(30);
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1/", "5")).hasValue(5);
        assertThat(wait(HttpMethod.HEAD, "/v1/pause/psr_1", "5")).as("answered at once, holds nothing").isEmpty();
    }

    @Test
    void thePauseIdIsTheDecodedLastSegment() {
        assertThat(LongPollRequest.pauseId("/v1/pause/psr_1")).isEqualTo("psr_1");
        assertThat(LongPollRequest.pauseId("/v1/pause/psr_1/")).isEqualTo("psr_1");
        assertThat(LongPollRequest.pauseId("/v1/pause/%70sr_1")).isEqualTo("psr_1");
    }

    @Test
    void theDecodedPathCounts() {
        assertThat(wait(HttpMethod.GET, "/v1/p%61use/psr_1", "30")).hasValue(30);
        assertThat(wait(HttpMethod.GET, "/v1/pause/%70sr_1", "30")).hasValue(30);
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1%zz", "30")).as("malformed escapes read raw").hasValue(30);
    }

    @Test
    void everySpellingTheServiceMayReadAsAWaitCounts() {
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1", " 7 ")).hasValue(7);
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1", "+12")).hasValue(12);
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1", "0x1e")).as("Spring reads hex").hasValue(30);
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1", "soon")).hasValue(30);
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1", "31")).hasValue(30);
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1", "0", "10")).as("the longest of repeated values").hasValue(10);
    }

    @Test
    void noWaitIsNoLongPoll() {
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1")).isEmpty();
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1", "0")).isEmpty();
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1", "")).isEmpty();
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1", "-3")).isEmpty();
        assertThat(wait(HttpMethod.DELETE, "/v1/pause/psr_1", "30")).isEmpty();
        assertThat(wait(HttpMethod.GET, "/v1/pause", "30")).as("the list").isEmpty();
        assertThat(wait(HttpMethod.GET, "/v1/pause/psr_1/more", "30")).isEmpty();
        assertThat(wait(HttpMethod.GET, "/v1/audit", "30")).isEmpty();
    }
}
