package dev.pausepoint.billing.passwordreset;

import static dev.pausepoint.kit.request.JsonBodyIssues.issues;
import static dev.pausepoint.kit.request.JsonBodyIssues.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.errors.FieldIssue;
import org.junit.jupiter.api.Test;

/** Asking for a reset link and using it, without HTTP. */
class PasswordResetRequestsTest {

    @Test
    void aResetIsAskedForWithAnEmail() {
        assertThat(read("{\"email\": \"a@b.co\"}", PasswordResetRequest.class).email())
                .isEqualTo("a@b.co");
        assertThat(issues("{\"email\": \" \"}", PasswordResetRequest.class))
                .containsExactly(new FieldIssue("email", "is required"));
        assertThat(issues("{\"email\": [\"a@b.co\"]}", PasswordResetRequest.class))
                .containsExactly(new FieldIssue("email", "must be a string"));
    }

    @Test
    void aConfirmationNeedsTheTokenAndANewPassword() {
        assertThat(issues("{\"password\": \"short\"}", PasswordResetConfirmation.class)).containsExactly(
                new FieldIssue("token", "is required"), new FieldIssue("password", "must be at least 10 characters"));
        assertThat(issues("{\"token\": 5, \"password\": 5}", PasswordResetConfirmation.class)).containsExactly(
                new FieldIssue("token", "must be a string"), new FieldIssue("password", "must be a string"));
    }
}
