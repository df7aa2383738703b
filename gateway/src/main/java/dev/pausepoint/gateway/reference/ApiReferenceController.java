package dev.pausepoint.gateway.reference;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/openapi.json}: the document this jar was built with, revalidated by its ETag; {@code GET
 * /docs}: the page that renders it, with its scripts and stylesheet from this jar (no other origin, so it
 * works offline and under a policy that allows only this one).
 */
@RestController
public class ApiReferenceController {

    /** Only this origin; swagger-ui sets inline style attributes, hence the one allowance for styles. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=utf-8");
    private static final MediaType CSS = MediaType.parseMediaType("text/css;charset=utf-8");
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=utf-8");

    private final Asset document = Asset.of("openapi/openapi.json", MediaType.APPLICATION_JSON);
    private final Asset page = Asset.of("reference/docs.html", HTML);
    private final Map<String, Asset> pageAssets = Map.of(
            "reference.js", Asset.of("reference/reference.js", JAVASCRIPT),
            "swagger-ui-bundle.js", Asset.of(swaggerUi("swagger-ui-bundle.js"), JAVASCRIPT),
            "swagger-ui.css", Asset.of(swaggerUi("swagger-ui.css"), CSS));

    @GetMapping("/v1/openapi.json")
    public ResponseEntity<byte[]> document(@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
            String ifNoneMatch) {
        return document.answer(ifNoneMatch, CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic());
    }

    @GetMapping("/docs")
    public ResponseEntity<byte[]> page(@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
            String ifNoneMatch) {
        return withPagePolicy(page.answer(ifNoneMatch, CacheControl.noCache()));
    }

    @GetMapping("/docs/{asset}")
    public ResponseEntity<byte[]> pageAsset(@PathVariable String asset,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Asset found = pageAssets.get(asset);
        if (found == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No endpoint GET /docs/" + asset + ".");
        }
        return withPagePolicy(found.answer(ifNoneMatch, CacheControl.maxAge(Duration.ofHours(1)).cachePublic()));
    }

    private static ResponseEntity<byte[]> withPagePolicy(ResponseEntity<byte[]> answer) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(answer.getBody());
    }

    private static String swaggerUi(String file) {
        Properties webjar = new Properties();
        try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties")
                .getInputStream()) {
            webjar.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the swagger-ui webjar is missing from the class path", e);
        }
        return "META-INF/resources/webjars/swagger-ui/" + webjar.getProperty("version") + "/" + file;
    }

    /** A file of this jar, read once, with its strong ETag. */
    private record Asset(byte[] bytes, MediaType type, String etag) {

        static Asset of(String path, MediaType type) {
            try (InputStream in = new ClassPathResource(path).getInputStream()) {
                byte[] bytes = in.readAllBytes();
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new Asset(bytes, type, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
            } catch (IOException e) {
                throw new UncheckedIOException(path + " is missing from the gateway's jar", e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        ResponseEntity<byte[]> answer(String ifNoneMatch, CacheControl caching) {
            if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(caching).build();
            }
            return ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(caching).body(bytes);
        }
    }
}
