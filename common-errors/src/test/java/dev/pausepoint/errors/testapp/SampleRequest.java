package dev.pausepoint.errors.testapp;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

public record SampleRequest(
        @NotBlank String message,
        @Min(1) Integer timeoutHours,
        @Size(min = 2, max = 5, message = "must have 2 to 5 items") List<String> options) {
}
