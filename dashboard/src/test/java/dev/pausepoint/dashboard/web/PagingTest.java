package dev.pausepoint.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void aPageNumberFromTheAddressIsReadLeniently() {
        assertThat(Paging.of("3", 20).offset()).isEqualTo(40);
        for (String odd : new String[] {null, "", "0", "-1", "abc", "1e3", "99999999999", "\u0000", "2 "}) {
            assertThat(Paging.of(odd, 20).page()).as(String.valueOf(odd)).isBetween(1, Paging.LAST);
        }
        assertThat(Paging.of("0", 20).page()).isEqualTo(1);
        assertThat(Paging.of("999999", 20).page()).isEqualTo(Paging.LAST);
    }
}
