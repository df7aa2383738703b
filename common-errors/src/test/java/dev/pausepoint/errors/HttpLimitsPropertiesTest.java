package dev.pausepoint.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class HttpLimitsPropertiesTest {

    @Test
    void onlyTheNamedPrefixesGetTheLargerLimit() {
        HttpLimitsProperties limits = new HttpLimitsProperties(DataSize.ofKilobytes(64), List.of("/v1/providers/"),
                DataSize.ofMegabytes(1));
        assertThat(limits.limitFor("/v1/providers/sendgrid/events")).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(limits.limitFor("/v1/pause")).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(limits.limitFor("/v1/providers")).as("the prefix, not a look-alike").isEqualTo(DataSize.ofKilobytes(64));
    }
}
