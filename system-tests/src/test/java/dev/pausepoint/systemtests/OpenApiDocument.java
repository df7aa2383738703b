package dev.pausepoint.systemtests;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.pausepoint.localstack.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed OpenAPI document as a judge of real answers (docs/openapi.md): the operation is found by
 * method and path template, its status must be documented, a JSON body must be valid against the schema
 * of that status and media type (OpenAPI 3.1's JSON Schema dialect, formats asserted), and each of the
 * API's own headers the answer carries must be documented on that response. {@link Http} asks it about
 * every answer the system tests receive.
 */
final class OpenApiDocument {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String COMMITTED = "gateway/src/main/resources/openapi/openapi.json";

    /** Where the document is registered for the validator to resolve pointers into; never fetched. */
    private static final String BASE = "https://pausepoint.invalid/openapi.json";
    /**
     * Headers of the contract (docs/api-reference.md): one on an answer must be documented on its response.
     * Not Content-Disposition: Spring MVC adds {@code inline;filename=f.txt} to an answer whose path ends in
     * what looks like a file extension (a response token holds dots), which is no part of the contract.
     */
    private static final Set<String> CONTRACT_HEADERS = Set.of("x-request-id", "x-ratelimit-limit",
            "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after", "etag");
    /** Served through the gateway but not the API: the dashboard (docs/dashboard.md). */
    private static final List<String> NOT_THE_API = List.of("/dashboard", "/actuator");
    /**
     * Routed by the gateway but speaking another protocol, described by that protocol (MCP's JSON-RPC; docs/mcp.md):
     * its answers are not the document's, but a refusal is still the gateway's envelope.
     */
    private static final List<String> OTHER_PROTOCOLS = List.of("/mcp");

    private static OpenApiDocument committed;

    /** Every documented operation an answer was judged against in this JVM, as {@code GET /v1/pause/{pause_id}}. */
    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Template> templates;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Template(String path, Pattern pattern) {
    }

    OpenApiDocument(String text) {
        this.document = JSON.readTree(text);
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(BASE, text)));
        List<Template> found = new ArrayList<>();
        document.path("paths").propertyNames().forEach(path -> found.add(new Template(path,
                Pattern.compile(path.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\.")))));
        // A literal segment wins over a variable one (/v1/audit/export before /v1/audit/{id}).
        found.sort(Comparator.comparingLong((Template t) -> t.path().chars().filter(c -> c == '{').count()));
        this.templates = List.copyOf(found);
    }

    static synchronized OpenApiDocument committed() {
        if (committed == null) {
            try {
                committed = new OpenApiDocument(Files.readString(Workspace.locate().root().resolve(COMMITTED)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return committed;
    }

    /** After the committed file was rewritten. */
    static synchronized void forget() {
        committed = null;
    }

    JsonNode document() {
        return document;
    }

    /** Every operation of the document, as {@code GET /v1/pause/{pause_id}}. */
    Set<String> operations() {
        Set<String> operations = new java.util.TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().propertyNames()
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    /** Fails with every way the answer departs from the document. */
    void assertDescribes(String method, String path, Http.Reply reply) {
        List<String> problems = problems(method, path, reply);
        if (!problems.isEmpty()) {
            throw new AssertionError("The OpenAPI document (" + COMMITTED + ") does not describe " + method + " "
                    + path + " -> " + reply.status() + " " + abbreviate(reply.body()) + ":\n  "
                    + String.join("\n  ", problems));
        }
    }

    List<String> problems(String method, String rawPath, Http.Reply reply) {
        String path = rawPath.contains("?") ? rawPath.substring(0, rawPath.indexOf('?')) : rawPath;
        if (NOT_THE_API.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))) {
            return List.of();
        }
        if (OTHER_PROTOCOLS.contains(path)) {
            return reply.status() >= 400 ? envelope(reply) : List.of();
        }
        String verb = method.toLowerCase(Locale.ROOT).equals("head") ? "get" : method.toLowerCase(Locale.ROOT);
        Template template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst().orElse(null);
        JsonNode operation = template == null ? null : document.path("paths").path(template.path()).get(verb);
        if (operation == null) {
            // No such route (404) or not this method (405): the envelope, like every refusal.
            return reply.status() >= 400 ? envelope(reply) : List.of("a " + reply.status() + " from a route the"
                    + " document does not have");
        }
        SEEN.add(verb.toUpperCase(Locale.ROOT) + " " + template.path());
        String pointer = "/paths/" + escape(template.path()) + "/" + verb + "/responses";
        JsonNode responses = operation.path("responses");
        String status = String.valueOf(reply.status());
        String key = responses.has(status) ? status : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (key == null) {
            return List.of("status " + status + " is not documented for " + verb.toUpperCase(Locale.ROOT) + " "
                    + template.path() + " (it documents " + responses.propertyNames() + ")");
        }
        JsonNode response = responses.get(key);
        pointer = pointer + "/" + escape(key);
        if (response.has("$ref")) {
            pointer = response.get("$ref").asString().substring(1);
            response = document.at(pointer);
        }
        List<String> problems = new ArrayList<>(headers(response, reply));
        if (reply.body().isEmpty() || method.equalsIgnoreCase("HEAD")) {
            return problems;
        }
        String contentType = reply.header("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode content = response.path("content");
        if (!content.has(mediaType)) {
            problems.add("media type " + mediaType + " is not documented for status " + key + " (it documents "
                    + content.propertyNames() + ")");
            return problems;
        }
        String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
        if (mediaType.equals("application/json")) {
            problems.addAll(validate(schemaPointer, reply.body()));
        } else if (mediaType.equals("application/x-ndjson")) {
            reply.body().lines().forEach(line -> problems.addAll(validate(schemaPointer, line)));
        }
        return problems;
    }

    private List<String> envelope(Http.Reply reply) {
        List<String> problems = new ArrayList<>(validate("/components/schemas/ErrorEnvelope", reply.body()));
        if (reply.status() == 405 && reply.header("Allow") == null) {
            problems.add("a 405 without Allow");
        }
        return problems;
    }

    private List<String> headers(JsonNode response, Http.Reply reply) {
        List<String> problems = new ArrayList<>();
        Set<String> documented = new java.util.HashSet<>();
        response.path("headers").propertyNames().forEach(name -> documented.add(name.toLowerCase(Locale.ROOT)));
        reply.raw().headers().map().keySet().stream().map(name -> name.toLowerCase(Locale.ROOT))
                .filter(CONTRACT_HEADERS::contains).filter(name -> !documented.contains(name))
                .forEach(name -> problems.add("header " + name + " is not documented on this response"));
        response.path("headers").properties().forEach(entry -> {
            JsonNode header = entry.getValue().has("$ref")
                    ? document.at(entry.getValue().get("$ref").asString().substring(1)) : entry.getValue();
            String value = reply.header(entry.getKey());
            if (value == null && header.path("required").asBoolean(false)) {
                problems.add("header " + entry.getKey() + " is required and missing");
            } else if (value != null && header.path("schema").path("type").asString("").equals("integer")
                    && !value.matches("-?\\d+")) {
                problems.add("header " + entry.getKey() + " is documented as an integer but is " + value);
            }
        });
        return problems;
    }

    private List<String> validate(String pointer, String body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (RuntimeException e) {
            return List.of("the body is not JSON: " + abbreviate(body));
        }
        Schema schema = schemas.computeIfAbsent(pointer, at -> registry.getSchema(SchemaLocation.of(BASE + "#" + at)));
        List<Error> errors = schema.validate(instance,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        return errors.stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()
                + " (schema " + pointer + ")").toList();
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }
}
