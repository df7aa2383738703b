package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.localstack.Workspace;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document holds everything docs/api-reference.md documents (docs/openapi.md): every route
 * with its query parameters, every field of each request and answer where the reference lists them, the
 * error codes each operation names, every code of the Errors table, every header, and the webhook posts.
 * It also is a valid OpenAPI 3.1 document. No stack needed: it reads the committed file.
 */
class OpenApiReferenceTest {

    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern ROUTE = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE|HEAD) (/\\S*)$");
    private static final Pattern STATUS_OBJECT = Pattern.compile("^(\\d{3}) (\\{.*})$", Pattern.DOTALL);
    private static final Pattern STATUS_CODE = Pattern.compile("^(\\d{3}) ([A-Z][A-Z_]+)$");
    private static final Pattern HEADER = Pattern.compile("^(?:[A-Z][A-Za-z]*-)+[A-Z][A-Za-z]*$|^Authorization$|^Allow$");
    /** Plain HTTP, described by media types and content rather than as parameters. */
    private static final Set<String> HTTP_ITSELF = Set.of("Content-Type", "Content-Length");

    private final JsonNode document = OpenApiDocument.committed().document();

    /** A route a block of the reference is about, and how its spans are read. */
    private record Context(String method, String path, JsonNode operation) {
    }

    @Test
    void everyRouteFieldErrorAndHeaderOfTheReferenceIsInTheDocument() throws IOException {
        List<String> missing = new ArrayList<>(missingFrom(document));
        assertThat(missing).as("what docs/api-reference.md documents and the OpenAPI document (%s) lacks",
                OpenApiDocument.COMMITTED).isEmpty();
    }

    /** Deleting any one thing from the document is noticed: the test is not vacuous. */
    @Test
    void aDocumentMissingAnythingIsCaught() throws IOException {
        JsonNode withoutField = document.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) withoutField.at("/components/schemas/PauseView/properties"))
                .remove("response_choice");
        assertThat(missingFrom(withoutField)).anyMatch(line -> line.contains("response_choice"));

        JsonNode withoutRoute = document.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) withoutRoute.at("/paths/~1v1~1stats~1pauses")).remove("get");
        assertThat(missingFrom(withoutRoute)).anyMatch(line -> line.contains("GET /v1/stats/pauses"));

        JsonNode withoutCode = document.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) withoutCode.at("/paths/~1v1~1pause/post/responses")).remove("402");
        assertThat(missingFrom(withoutCode)).anyMatch(line -> line.contains("PLAN_LIMIT_REACHED"));

        JsonNode withoutHeader = document.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) withoutHeader.at("/components/parameters")).remove("PausePointMode");
        assertThat(missingFrom(withoutHeader)).anyMatch(line -> line.contains("PausePoint-Mode"));
    }

    @Test
    void itIsAValidOpenApi31DocumentWithUniqueOperationIds() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.toString(), null, options);
        assertThat(parsed.getMessages()).as("the parser's complaints about the document").isEmpty();
        assertThat(parsed.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        Set<String> operationIds = new HashSet<>();
        document.path("paths").forEach(item -> item.forEach(operation -> assertThat(
                operationIds.add(operation.path("operationId").asString())).as("operationIds are unique").isTrue()));
    }

    private List<String> missingFrom(JsonNode document) throws IOException {
        String reference = Files.readString(Workspace.locate().root().resolve("docs/api-reference.md"));
        List<String> missing = new ArrayList<>();
        Set<String> envelopeCodes = new HashSet<>();
        document.at("/components/schemas/ErrorEnvelope/properties/error/enum").forEach(c -> envelopeCodes.add(c.asString()));
        Context section = null;
        for (String block : blocks(reference)) {
            if (block.startsWith("#")) {
                section = routeIn(block, document, missing);
                continue;
            }
            if (isErrorsTable(block)) {
                errorsTable(block, document, envelopeCodes, missing);
                continue;
            }
            if (block.startsWith("- Body:")) {
                fields(spans(block).get(0), "webhooks post body", schemaAt(document,
                        document.at("/webhooks/pause.responded/post/requestBody/content/application~1json/schema")),
                        document, true, missing);
                continue;
            }
            Context own = routeIn(block, document, missing);
            Context context = own != null ? own : section;
            if (own != null && !block.startsWith("- ")) {
                section = own;
            }
            if (context != null) {
                readSpans(block, context, document, missing);
            }
        }
        headers(reference, document, missing);
        return missing;
    }

    /** Headings, top-level bullets (with their nested lines), tables and paragraphs. */
    private static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inCode = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            boolean starts = line.isBlank() || line.startsWith("#") || line.startsWith("- ")
                    || (line.startsWith("|") && !current.toString().startsWith("|"));
            if (starts && !current.isEmpty()) {
                blocks.add(current.toString().trim());
                current.setLength(0);
            }
            if (!line.isBlank()) {
                current.append(line).append('\n');
            }
            if (line.startsWith("#")) {
                blocks.add(current.toString().trim());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current.toString().trim());
        }
        return blocks;
    }

    private static List<String> spans(String block) {
        List<String> spans = new ArrayList<>();
        Matcher matcher = SPAN.matcher(block);
        while (matcher.find()) {
            spans.add(matcher.group(1).replaceAll("\\s*\n\\s*", " "));
        }
        return spans;
    }

    /**
     * Every route a block names is checked against the document with its query parameters; the block is
     * about the route it starts with (a heading: the route it names), not one it mentions later.
     */
    private Context routeIn(String block, JsonNode document, List<String> missing) {
        Context subject = null;
        List<String> spans = spans(block);
        for (int i = 0; i < spans.size(); i++) {
            Matcher route = ROUTE.matcher(spans.get(i));
            if (!route.matches()) {
                continue;
            }
            String method = route.group(1).equals("HEAD") ? "get" : route.group(1).toLowerCase(Locale.ROOT);
            String target = route.group(2);
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            JsonNode operation = operation(document, method, path);
            if (operation == null) {
                missing.add("route " + route.group(1) + " " + path);
                continue;
            }
            Context context = new Context(method, path, operation);
            if (target.contains("?")) {
                queryParameters(context, target.substring(target.indexOf('?') + 1), missing);
            }
            if (subject == null && (i == 0 || block.startsWith("#"))) {
                subject = context;
            }
        }
        return subject;
    }

    private static JsonNode operation(JsonNode document, String method, String path) {
        String normalized = path.replaceAll("\\{[^}]+}", "{}");
        for (String template : document.path("paths").propertyNames()) {
            if (template.replaceAll("\\{[^}]+}", "{}").equals(normalized) && document.path("paths").path(template).has(method)) {
                return document.path("paths").path(template).get(method);
            }
        }
        return null;
    }

    private static void queryParameters(Context context, String query, List<String> missing) {
        Set<String> names = new TreeSet<>();
        context.operation().path("parameters").forEach(parameter -> names.add(parameter.path("name").asString()));
        for (String pair : query.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!name.isEmpty() && !names.contains(name)) {
                missing.add("query parameter " + name + " of " + context.method().toUpperCase(Locale.ROOT) + " "
                        + context.path());
            }
        }
    }

    private void readSpans(String block, Context context, JsonNode document, List<String> missing) {
        List<String> spans = spans(block);
        boolean afterRoute = false;
        boolean responseNamed = block.contains("Response:");
        String label = context.method().toUpperCase(Locale.ROOT) + " " + context.path();
        boolean isTable = block.startsWith("|");
        for (String span : spans) {
            if (ROUTE.matcher(span).matches()) {
                afterRoute = true;
                continue;
            }
            Matcher status = STATUS_OBJECT.matcher(span);
            Matcher code = STATUS_CODE.matcher(span);
            if (span.startsWith("?")) {
                queryParameters(context, span.substring(1), missing);
            } else if (status.matches()) {
                JsonNode response = response(document, context.operation(), status.group(1));
                if (response == null) {
                    missing.add("status " + status.group(1) + " of " + label);
                } else {
                    fields(status.group(2), label + " " + status.group(1), schemaAt(document,
                            response.at("/content/application~1json/schema")), document, true, missing);
                }
            } else if (code.matches()) {
                JsonNode response = response(document, context.operation(), code.group(1));
                if (response == null || !response.path("x-error-codes").toString().contains("\"" + code.group(2) + "\"")) {
                    missing.add("error " + code.group(1) + " " + code.group(2) + " of " + label);
                }
            } else if (span.startsWith("{") && span.endsWith("}")) {
                boolean request = afterRoute && !responseNamed && Set.of("post", "put", "patch").contains(context.method())
                        && !context.operation().path("requestBody").isMissingNode();
                if (request) {
                    fields(span, label + " request", schemaAt(document, context.operation()
                            .at("/requestBody/content/application~1json/schema")), document, true, missing);
                } else {
                    fields(span, label + " answer", successSchema(document, context.operation()), document, false, missing);
                }
            }
            afterRoute = false;
        }
        if (isTable && context.method().equals("post")) {
            JsonNode body = schemaAt(document, context.operation().at("/requestBody/content/application~1json/schema"));
            for (String row : block.split("\n")) {
                List<String> cells = spans(row.split("\\|").length > 1 ? row.split("\\|")[1] : "");
                if (!cells.isEmpty() && cells.get(0).matches("[a-z_]+") && !body.path("properties").has(cells.get(0))) {
                    missing.add("request field " + cells.get(0) + " of " + label);
                }
            }
        }
    }

    private static JsonNode response(JsonNode document, JsonNode operation, String status) {
        JsonNode response = operation.path("responses").get(status);
        if (response != null && response.has("$ref")) {
            response = document.at(response.get("$ref").asString().substring(1));
        }
        return response;
    }

    private static JsonNode successSchema(JsonNode document, JsonNode operation) {
        for (String status : operation.path("responses").propertyNames()) {
            if (status.startsWith("2")) {
                JsonNode content = response(document, operation, status).path("content");
                for (JsonNode media : content) {
                    return schemaAt(document, media.path("schema"));
                }
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    /** Follows references and the null alternative of a nullable reference. */
    private static JsonNode schemaAt(JsonNode document, JsonNode schema) {
        for (int hops = 0; hops < 10; hops++) {
            if (schema.has("$ref")) {
                schema = document.at(schema.get("$ref").asString().substring(1));
            } else if (schema.has("anyOf")) {
                JsonNode chosen = schema;
                for (JsonNode option : schema.get("anyOf")) {
                    if (!option.path("type").asString("").equals("null")
                            && !option.path("types").toString().equals("[\"null\"]")) {
                        chosen = option;
                    }
                }
                if (chosen == schema) {
                    return schema;
                }
                schema = chosen;
            } else {
                return schema;
            }
        }
        return schema;
    }

    /**
     * The reference's {@code {a, b: {c}, d: [{e}, ...]}} against a schema: every name a property, nested
     * objects and array items checked within theirs. An answer's bare list may describe an object anywhere
     * inside the answer (the items of a list), so without {@code strict} any object schema in it will do.
     */
    private void fields(String braces, String where, JsonNode schema, JsonNode document, boolean strict,
            List<String> missing) {
        Fields parsed = Fields.parse(braces);
        if (strict) {
            parsed.check(schema, document, where, missing);
            return;
        }
        List<JsonNode> candidates = new ArrayList<>();
        collectObjects(schema, document, candidates, 0);
        for (JsonNode candidate : candidates) {
            List<String> problems = new ArrayList<>();
            parsed.check(candidate, document, where, problems);
            if (problems.isEmpty()) {
                return;
            }
        }
        List<String> problems = new ArrayList<>();
        parsed.check(schema, document, where, problems);
        missing.addAll(problems.isEmpty() ? List.of(where + ": no schema has all of " + braces) : problems);
    }

    private static void collectObjects(JsonNode schema, JsonNode document, List<JsonNode> found, int depth) {
        JsonNode resolved = schemaAt(document, schema);
        if (depth > 6 || resolved.isMissingNode()) {
            return;
        }
        if (resolved.has("properties")) {
            found.add(resolved);
            resolved.get("properties").forEach(property -> collectObjects(property, document, found, depth + 1));
        }
        if (resolved.has("items")) {
            collectObjects(resolved.get("items"), document, found, depth + 1);
        }
        if (resolved.path("additionalProperties").isObject()) {
            collectObjects(resolved.get("additionalProperties"), document, found, depth + 1);
        }
    }

    /** The reference's brace notation: names, optional marks, nested objects and lists of objects. */
    record Fields(List<String> names, java.util.Map<String, Fields> nested) {

        static Fields parse(String text) {
            int[] at = {0};
            return object(text, at);
        }

        private static Fields object(String text, int[] at) {
            List<String> names = new ArrayList<>();
            java.util.Map<String, Fields> nested = new java.util.LinkedHashMap<>();
            at[0]++;
            while (at[0] < text.length()) {
                skipSpaces(text, at);
                if (text.charAt(at[0]) == '}') {
                    at[0]++;
                    break;
                }
                StringBuilder name = new StringBuilder();
                while (at[0] < text.length() && ",:}".indexOf(text.charAt(at[0])) < 0) {
                    name.append(text.charAt(at[0]++));
                }
                String clean = name.toString().trim().replace("\"", "").replace("?", "");
                if (at[0] < text.length() && text.charAt(at[0]) == ':') {
                    at[0]++;
                    skipSpaces(text, at);
                    if (text.charAt(at[0]) == '{') {
                        nested.put(clean, object(text, at));
                    } else if (text.startsWith("[{", at[0])) {
                        at[0]++;
                        nested.put(clean, object(text, at));
                        skipValue(text, at);
                    } else {
                        skipValue(text, at);
                    }
                }
                if (clean.matches("[a-z][a-z0-9_-]*")) {
                    names.add(clean);
                }
                if (at[0] < text.length() && text.charAt(at[0]) == ',') {
                    at[0]++;
                }
            }
            return new Fields(names, nested);
        }

        private static void skipSpaces(String text, int[] at) {
            while (at[0] < text.length() && Character.isWhitespace(text.charAt(at[0]))) {
                at[0]++;
            }
        }

        /** To the comma or brace that ends this value, past any brackets it opens. */
        private static void skipValue(String text, int[] at) {
            int depth = 0;
            while (at[0] < text.length()) {
                char c = text.charAt(at[0]);
                if ((c == ',' || c == '}') && depth == 0) {
                    return;
                }
                depth += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
                at[0]++;
            }
        }

        void check(JsonNode schema, JsonNode document, String where, List<String> missing) {
            JsonNode resolved = schemaAt(document, schema);
            if (resolved.has("additionalProperties") && !resolved.has("properties")) {
                return;
            }
            if (resolved.has("oneOf")) {
                // A body whose shape depends on its event (a webhook's data): the fields must be one shape's.
                List<String> fewest = null;
                for (JsonNode option : resolved.get("oneOf")) {
                    List<String> problems = new ArrayList<>();
                    check(option, document, where, problems);
                    if (fewest == null || problems.size() < fewest.size()) {
                        fewest = problems;
                    }
                }
                missing.addAll(fewest == null ? List.of() : fewest);
                return;
            }
            for (String name : names) {
                JsonNode property = resolved.path("properties").get(name);
                if (property == null) {
                    missing.add(where + ": field " + name);
                } else if (nested.containsKey(name)) {
                    JsonNode inner = schemaAt(document, property);
                    nested.get(name).check(inner.has("items") ? inner.get("items") : inner, document,
                            where + "." + name, missing);
                }
            }
        }
    }

    private static boolean isErrorsTable(String block) {
        return block.startsWith("| HTTP | error |");
    }

    /** Each code is in the envelope's enum and answered, at its status, by some operation. */
    private static void errorsTable(String block, JsonNode document, Set<String> envelopeCodes, List<String> missing) {
        for (String row : block.split("\n")) {
            String[] cells = row.split("\\|");
            if (cells.length < 3 || !cells[1].trim().matches("\\d{3}")) {
                continue;
            }
            String status = cells[1].trim();
            String code = cells[2].trim().replace("`", "");
            if (!envelopeCodes.contains(code)) {
                missing.add("error code " + code + " in the envelope's enum");
            }
            boolean answered = document.toString().contains("\"" + code + "\"")
                    && anyOperationAnswers(document, status, code);
            if (!answered) {
                missing.add("error " + status + " " + code + " on some operation");
            }
        }
    }

    private static boolean anyOperationAnswers(JsonNode document, String status, String code) {
        for (JsonNode item : document.path("paths")) {
            for (JsonNode operation : item) {
                JsonNode response = response(document, operation, status);
                if (response != null && response.path("x-error-codes").toString().contains("\"" + code + "\"")) {
                    return true;
                }
            }
        }
        // 404 NOT_FOUND and 405 METHOD_NOT_ALLOWED are answers for paths and methods the document lacks.
        return Set.of("NOT_FOUND", "METHOD_NOT_ALLOWED").contains(code) && document.at("/components/examples").has(code);
    }

    /** Every header the reference names appears as a parameter, a response header or the bearer scheme. */
    private static void headers(String reference, JsonNode document, List<String> missing) {
        Set<String> known = new HashSet<>();
        collectHeaders(document, known);
        known.add("authorization");
        for (String span : spans(reference)) {
            String name = span.contains(":") ? span.substring(0, span.indexOf(':')).trim() : span.trim();
            if (HEADER.matcher(name).matches() && !HTTP_ITSELF.contains(name)
                    && !known.contains(name.toLowerCase(Locale.ROOT))) {
                missing.add("header " + name);
            }
        }
    }

    private static void collectHeaders(JsonNode node, Set<String> known) {
        if (node.isObject()) {
            if ("header".equals(node.path("in").asString("")) && node.has("name")) {
                known.add(node.get("name").asString().toLowerCase(Locale.ROOT));
            }
            if (node.has("headers") && node.get("headers").isObject()) {
                node.get("headers").propertyNames().forEach(name -> known.add(name.toLowerCase(Locale.ROOT)));
            }
            node.forEach(child -> collectHeaders(child, known));
        } else if (node.isArray()) {
            node.forEach(child -> collectHeaders(child, known));
        }
    }
}
