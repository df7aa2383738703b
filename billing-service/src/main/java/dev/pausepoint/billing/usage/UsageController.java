package dev.pausepoint.billing.usage;

import dev.pausepoint.kit.request.JsonBodies;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** pause-service reserves a live pause's quota slot here before creating it (internal credential only). */
@RestController
public class UsageController {

    public record ReserveRequest(@NotBlank(message = "is required") String developerId,
            @NotBlank(message = "is required") String pauseId) {
    }

    public record ReleaseRequest(@NotBlank(message = "is required") String pauseId) {
    }

    private final UsageService usage;

    public UsageController(UsageService usage) {
        this.usage = usage;
    }

    @PostMapping("/internal/usage/reserve")
    public UsageService.Usage reserve(@RequestBody JsonNode body) {
        ReserveRequest request = JsonBodies.read(body, ReserveRequest.class);
        return usage.reserve(request.developerId(), request.pauseId());
    }

    @PostMapping("/internal/usage/release")
    public void release(@RequestBody JsonNode body) {
        usage.release(JsonBodies.read(body, ReleaseRequest.class).pauseId());
    }
}
