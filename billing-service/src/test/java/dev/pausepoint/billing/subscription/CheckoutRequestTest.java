package dev.pausepoint.billing.subscription;

import static dev.pausepoint.kit.request.JsonBodyIssues.issues;
import static dev.pausepoint.kit.request.JsonBodyIssues.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.billing.subscription.BillingController.CheckoutRequest;
import dev.pausepoint.errors.FieldIssue;
import org.junit.jupiter.api.Test;

/**
 * The checkout body carries only the plan's type: whether the plan is sold is CheckoutService's rule, judged
 * after the caller may pay at all (a test key is 403 whatever plan it names).
 */
class CheckoutRequestTest {

    @Test
    void aPlanIsAStringOrLeftToTheService() {
        assertThat(read("{\"plan\": \"platinum\"}", CheckoutRequest.class).plan())
                .isEqualTo("platinum");
        assertThat(read("{}", CheckoutRequest.class).plan()).isNull();
        assertThat(issues("{\"plan\": 2}", CheckoutRequest.class))
                .containsExactly(new FieldIssue("plan", "must be a string"));
    }
}
