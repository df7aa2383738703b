package dev.pausepoint.errors.testapp;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that fail in every way the envelope must cover; the same class runs on both stacks. */
@RestController
public class SampleController {

    public static final String SECRET = "jdbc:postgresql://db/secret?password=hunter2";

    @PostMapping(path = "/samples", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    public SampleRequest create(@Valid @RequestBody SampleRequest request) {
        return request;
    }

    @GetMapping("/samples")
    public Map<String, Integer> list(@RequestParam int limit) {
        return Map.of("limit", limit);
    }

    @GetMapping("/samples/{id}")
    public Map<String, String> get(@PathVariable String id) {
        throw new ApiException(ErrorCode.PAUSE_NOT_FOUND, "No pause " + id + ".");
    }

    @GetMapping("/boom")
    public Map<String, String> boom() {
        throw new IllegalStateException(SECRET);
    }
}
