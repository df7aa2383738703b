package dev.pausepoint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncodingTest {

    @Test
    void anIdStaysInItsOwnPathSegment() {
        assertThat(PathSegment.encode("pauseId", "psr_0b6c1d2e-aaaa")).isEqualTo("psr_0b6c1d2e-aaaa");
        assertThat(PathSegment.encode("pauseId", "../webhooks")).isEqualTo("..%2Fwebhooks");
        assertThat(PathSegment.encode("pauseId", "a?wait=30#x")).isEqualTo("a%3Fwait%3D30%23x");
        assertThat(PathSegment.encode("pauseId", "100% é")).isEqualTo("100%25%20%C3%A9");
        assertThat(PathSegment.encode("pauseId", "..")).isEqualTo("%2E%2E");
        assertThat(PathSegment.encode("pauseId", ".")).isEqualTo("%2E");
    }

    @Test
    void aBlankIdIsRefusedBeforeItCouldNameTheListPath() {
        assertThatThrownBy(() -> PathSegment.encode("pauseId", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathSegment.encode("pauseId", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathSegment.encode("pauseId", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queryValuesAreEncodedAndNullsLeftOut() {
        assertThat(new QueryString().add("event_type", "pause.created").add("pause_id", null).add("limit", 5))
                .hasToString("?event_type=pause.created&limit=5");
        assertThat(new QueryString().add("pause_id", "a b&c=d+e")).hasToString("?pause_id=a%20b%26c%3Dd%2Be");
        assertThat(new QueryString()).hasToString("");
    }

    @Test
    void listFiltersUseTheWireNames() {
        ListPausesQuery query = ListPausesQuery.builder().status(PauseStatus.TIMED_OUT).channel(Channel.SMS).limit(20)
                .offset(40).build();

        assertThat(query.toQueryString()).hasToString("?status=timed_out&channel=sms&limit=20&offset=40");
        assertThat(ListPausesQuery.all().toQueryString()).hasToString("");
    }

    @Test
    void aRespondTokenIsTakenFromAWholeLink() {
        assertThat(PausePointClient.respondToken("https://pp.example/respond/tok.en-1?choice=Yes"))
                .isEqualTo("tok.en-1");
        assertThat(PausePointClient.respondToken("tok.en-1")).isEqualTo("tok.en-1");
        assertThat(PausePointClient.respondToken("a/b")).isEqualTo("a%2Fb");
    }
}
