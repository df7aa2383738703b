package dev.pausepoint.pause.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.ValidationException;
import org.junit.jupiter.api.Test;

/** What a key must be before it is looked up or stored. */
class IdempotencyKeyRulesTest {

    @Test
    void aKeyPostgresCannotStoreIsAValidationError() {
        assertThatThrownBy(() -> IdempotencyKeys.check("order-\u0000"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues()).containsExactly(
                                new FieldIssue("Idempotency-Key", "must not contain U+0000 (NUL)")));
        assertThatThrownBy(() -> IdempotencyKeys.check("order-\uD800"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues()).containsExactly(
                                new FieldIssue("Idempotency-Key", "must not contain an unpaired UTF-16 surrogate")));
    }

    @Test
    void anyOtherKeyOfOneTo255CharactersPasses() {
        assertThatCode(() -> IdempotencyKeys.check("order-42 \u00e9\uD83D\uDE80")).doesNotThrowAnyException();
        assertThatCode(() -> IdempotencyKeys.check(null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> IdempotencyKeys.check("")).isInstanceOf(ValidationException.class);
    }
}
