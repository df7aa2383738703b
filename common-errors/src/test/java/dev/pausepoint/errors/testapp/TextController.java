package dev.pausepoint.errors.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Servlet-only endpoints that take text every way a service does: raw JSON, records, forms, query, path. */
@RestController
public class TextController {

    public record Signup(@NotBlank @Email String email, String name, List<String> tags) {
    }

    @PostMapping(path = "/texts/tree", consumes = MediaType.APPLICATION_JSON_VALUE)
    public JsonNode tree(@RequestBody JsonNode body) {
        return body;
    }

    @PostMapping(path = "/texts/record", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Signup record(@Valid @RequestBody Signup body) {
        return body;
    }

    @PostMapping(path = "/texts/form", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public Map<String, String> form(@RequestParam(defaultValue = "") String note) {
        return Map.of("note", note);
    }

    @GetMapping("/texts")
    public Map<String, String> query(@RequestParam(defaultValue = "") String q,
            @RequestHeader(name = "X-Stored", required = false) String stored) {
        return Map.of("q", q, "stored", String.valueOf(stored));
    }

    @GetMapping("/texts/{textId}")
    public Map<String, String> path(@PathVariable String textId) {
        return Map.of("text_id", textId);
    }
}
