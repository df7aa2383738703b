package dev.pausepoint.response.respond;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.response.ResponseApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The single-use ledger on real Postgres: a spent token is found by the token, and its first record stays. */
class UsedTokenRepositoryTest extends ResponseApiTest {

    @Autowired
    UsedTokenRepository usedTokens;

    @Test
    void aSpentTokenIsFoundWithItsChoiceAndNoOtherIs() {
        String token = "token-" + UUID.randomUUID();
        Instant usedAt = Instant.parse("2026-03-01T10:15:30.123Z");
        usedTokens.record(token, "pau_" + UUID.randomUUID(), "approve", usedAt);

        assertThat(usedTokens.find(token)).contains(new UsedTokenRepository.Spent("approve", usedAt));
        assertThat(usedTokens.find(token + "x")).isEmpty();
    }

    @Test
    void theFirstRecordOfATokenStays() {
        String token = "token-" + UUID.randomUUID();
        Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        usedTokens.record(token, "pau_1", "approve", first);
        usedTokens.record(token, "pau_1", "reject", first.plusSeconds(5));

        assertThat(usedTokens.find(token)).contains(new UsedTokenRepository.Spent("approve", first));
    }
}
