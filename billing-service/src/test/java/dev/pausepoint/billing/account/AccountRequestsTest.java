package dev.pausepoint.billing.account;

import static dev.pausepoint.kit.request.JsonBodyIssues.issues;
import static dev.pausepoint.kit.request.JsonBodyIssues.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.errors.FieldIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sign-up and login bodies without HTTP: every problem at once, in field order, no coercion. */
class AccountRequestsTest {

    @Test
    void aRegistrationIsReadAsSent() {
        assertThat(read("""
                {"email": " Ada@Example.com ", "name": "Ada", "password": "correct horse battery", "plan": "pro"}""",
                RegisterRequest.class)).isEqualTo(new RegisterRequest(" Ada@Example.com ", "Ada", "correct horse battery"));
    }

    @Test
    void everyWrongTypeOfARegistrationIsListedInFieldOrder() {
        assertThat(issues("{\"password\": true, \"name\": 7, \"email\": 5}", RegisterRequest.class)).containsExactly(
                new FieldIssue("email", "must be a string"), new FieldIssue("name", "must be a string"),
                new FieldIssue("password", "must be a string"));
    }

    @Test
    void everyBadFieldOfARegistrationIsListedInFieldOrder() {
        assertThat(issues("{\"password\": \"short\", \"name\": \"\", \"email\": \"not-an-email\"}", RegisterRequest.class))
                .containsExactly(new FieldIssue("email", "must be a valid email address"),
                        new FieldIssue("name", "is required"),
                        new FieldIssue("password", "must be at least 10 characters"));
        assertThat(issues("{}", RegisterRequest.class)).containsExactly(new FieldIssue("email", "is required"),
                new FieldIssue("name", "is required"), new FieldIssue("password", "is required"));
    }

    @Test
    void aPasswordIsTenCharactersToSeventyTwoBytes() {
        String body = "{\"email\": \"a@b.co\", \"name\": \"" + "n".repeat(101) + "\", \"password\": \"%s\"}";
        assertThat(issues(body.formatted("\u00e9".repeat(37)), RegisterRequest.class)).containsExactly(
                new FieldIssue("name", "must be at most 100 characters"),
                new FieldIssue("password", "must be at most 72 bytes"));
        assertThat(issues(body.formatted("123456789"), RegisterRequest.class))
                .contains(new FieldIssue("password", "must be at least 10 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"email\": \"\", \"password\": \" \"}", "{\"email\": null, \"password\": null}"})
    void aLoginNeedsBothFields(String body) {
        assertThat(issues(body, LoginRequest.class)).containsExactly(new FieldIssue("email", "is required"),
                new FieldIssue("password", "is required"));
    }

    @Test
    void aLoginIsNotCoerced() {
        assertThat(issues("{\"email\": 5, \"password\": 6}", LoginRequest.class)).containsExactly(
                new FieldIssue("email", "must be a string"), new FieldIssue("password", "must be a string"));
    }
}
