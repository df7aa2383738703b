package dev.pausepoint.gateway.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pausepoint.gateway.health.ServiceHealthChecker.Instances;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /health} (docs/api-reference.md, "Health"): 200 when every service has a ready instance, 503
 * with the same shape otherwise. Where some service is given as several URLs, {@code instances} says how
 * many of each service's instances are ready.
 */
@RestController
public class SystemHealthController {

    private final ServiceHealthChecker checker;

    public SystemHealthController(ServiceHealthChecker checker) {
        this.checker = checker;
    }

    @GetMapping("/health")
    public Mono<ResponseEntity<SystemHealth>> health() {
        return checker.checkAll().map(instances -> {
            Map<String, String> states = new LinkedHashMap<>();
            instances.forEach((name, counts) -> states.put(name,
                    counts.ready() > 0 ? ServiceHealthChecker.OK : ServiceHealthChecker.DOWN));
            boolean allOk = states.values().stream().allMatch(ServiceHealthChecker.OK::equals);
            boolean scaledOut = instances.values().stream().anyMatch(counts -> counts.configured() > 1);
            return ResponseEntity.status(allOk ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new SystemHealth(allOk ? "ok" : "degraded", states, scaledOut ? instances : null));
        });
    }

    /** {@code instances} is left out where every service is one URL, as it always was there. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SystemHealth(String status, Map<String, String> services, Map<String, Instances> instances) {
    }
}
