package dev.pausepoint.pause.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.RetryLaterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How many exports run at once on an instance, and per developer, without a server. */
class AuditExportSlotsTest {

    @Test
    void aDevelopersSecondExportIsRateLimitedUntilTheFirstEnds() {
        AuditExportSlots slots = new AuditExportSlots(2);
        AuditExportSlots.Slot first = slots.claim("dev_1");

        assertThatThrownBy(() -> slots.claim("dev_1")).isInstanceOfSatisfying(RetryLaterException.class, refusal -> {
            assertThat(refusal.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(refusal.responseHeaders()).isEqualTo(Map.of("Retry-After", "5"));
        });
        first.close();
        slots.claim("dev_1").close();
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void pastTheInstancesMostAnExportIsUnavailableUntilOneEnds() {
        AuditExportSlots slots = new AuditExportSlots(2);
        slots.claim("dev_1");
        AuditExportSlots.Slot second = slots.claim("dev_2");

        assertThatThrownBy(() -> slots.claim("dev_3")).isInstanceOfSatisfying(RetryLaterException.class, refusal -> {
            assertThat(refusal.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(refusal.responseHeaders()).containsKey("Retry-After");
        });
        second.close();
        slots.claim("dev_3");
        assertThat(slots.inUse()).isEqualTo(2);
    }

    @Test
    void closingASlotTwiceGivesBackOnlyItsOwnPlace() {
        AuditExportSlots slots = new AuditExportSlots(2);
        AuditExportSlots.Slot first = slots.claim("dev_1");
        first.close();
        slots.claim("dev_1");
        first.close();

        assertThat(slots.inUse()).as("the second claim still holds").isEqualTo(1);
        assertThatThrownBy(() -> slots.claim("dev_1")).isInstanceOf(RetryLaterException.class);
    }
}
