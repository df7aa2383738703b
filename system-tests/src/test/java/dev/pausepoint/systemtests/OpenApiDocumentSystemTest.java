package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed OpenAPI document is what the services' code generates (docs/openapi.md): each service's
 * part is read from its management port, merged with the gateway's part, and compared with the file the
 * gateway serves. {@code -Dopenapi.write=true} rewrites the file instead.
 */
class OpenApiDocumentSystemTest {

    static final String REWRITE = "./mvnw -q -B -pl system-tests -am verify -Dtest=OpenApiDocumentSystemTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theCommittedDocumentIsWhatTheServicesGenerate() throws IOException {
        Path root = Workspace.locate().root();
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        for (Service service : List.of(Service.BILLING, Service.PAUSE, Service.RESPONSE, Service.DELIVERY)) {
            parts.put(service.moduleName(), fetch(SystemStack.management(service).resolve("/actuator/openapi")));
        }
        ObjectNode gatewayPart = (ObjectNode) OpenApiDocument.JSON.readTree(
                Files.readString(root.resolve("gateway/src/main/openapi/gateway.json")));
        ObjectNode generated = OpenApiMerge.merge(gatewayPart, parts);
        Path committed = root.resolve(OpenApiDocument.COMMITTED);
        String text = OpenApiDocument.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(committed, text);
            OpenApiDocument.forget();
        }
        JsonNode onFile = OpenApiDocument.JSON.readTree(Files.readString(committed));
        assertThat(OpenApiMerge.differences(onFile, generated, 40))
                .as("%s differs from what the code generates. If the change is intended, rewrite it with\n  %s\n"
                        + "and commit it", OpenApiDocument.COMMITTED, REWRITE)
                .isEmpty();
        assertThat(Files.readString(committed)).as("the file's formatting; rewrite it with " + REWRITE).isEqualTo(text);
    }

    private static JsonNode fetch(URI uri) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(uri + " answered " + response.body()).isEqualTo(200);
            return OpenApiDocument.JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(uri + " failed", e);
        }
    }
}
