package dev.pausepoint.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldNamesTest {

    @ParameterizedTest
    @CsvSource({"message, message", "timeoutHours, timeout_hours", "allowTextResponse, allow_text_response",
            "options[1], options[1]", "metadata.innerKey, metadata.inner_key", "already_snake, already_snake"})
    void javaPathsBecomeSnakeCase(String java, String json) {
        assertThat(FieldNames.toSnakeCase(java)).isEqualTo(json);
    }
}
