package dev.pausepoint.gateway.health;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /health} (docs/api-reference.md, "Health"): 200 when every service answers, 503 with the same
 * shape otherwise.
 */
@RestController
public class SystemHealthController {

    private final ServiceHealthChecker checker;

    public SystemHealthController(ServiceHealthChecker checker) {
        this.checker = checker;
    }

    @GetMapping("/health")
    public Mono<ResponseEntity<SystemHealth>> health() {
        return checker.checkAll().map(states -> {
            boolean allOk = states.values().stream().allMatch(ServiceHealthChecker.OK::equals);
            return ResponseEntity.status(allOk ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new SystemHealth(allOk ? "ok" : "degraded", states));
        });
    }

    public record SystemHealth(String status, Map<String, String> services) {
    }
}
