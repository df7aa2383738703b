package dev.pausepoint.billing.usage;

import static dev.pausepoint.kit.request.JsonBodyIssues.issues;
import static dev.pausepoint.kit.request.JsonBodyIssues.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.billing.usage.UsageController.ReleaseRequest;
import dev.pausepoint.billing.usage.UsageController.ReserveRequest;
import dev.pausepoint.errors.FieldIssue;
import org.junit.jupiter.api.Test;

/** pause-service's quota calls, without HTTP. */
class UsageRequestsTest {

    @Test
    void aReservationNamesTheDeveloperAndThePause() {
        assertThat(read("{\"developer_id\": \"dev_1\", \"pause_id\": \"psr_1\"}",
                ReserveRequest.class)).isEqualTo(new ReserveRequest("dev_1", "psr_1"));
        assertThat(issues("{\"pause_id\": \" \", \"developer_id\": \"\"}", ReserveRequest.class)).containsExactly(
                new FieldIssue("developer_id", "is required"), new FieldIssue("pause_id", "is required"));
        assertThat(issues("{\"developer_id\": 5, \"pause_id\": 6}", ReserveRequest.class)).containsExactly(
                new FieldIssue("developer_id", "must be a string"), new FieldIssue("pause_id", "must be a string"));
    }

    @Test
    void aReleaseNamesThePause() {
        assertThat(issues("{\"pause_id\": null}", ReleaseRequest.class))
                .containsExactly(new FieldIssue("pause_id", "is required"));
    }
}
