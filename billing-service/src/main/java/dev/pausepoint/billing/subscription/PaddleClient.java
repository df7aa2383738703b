package dev.pausepoint.billing.subscription;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paddle Billing's documented HTTP API, the one call PausePoint makes: create a transaction for a
 * plan's price, which Paddle answers with the checkout link. {@code custom_data.developer_id} travels
 * with the transaction into the subscription it creates, which is how a webhook finds its developer.
 */
public class PaddleClient {

    private static final Logger log = LoggerFactory.getLogger(PaddleClient.class);

    private final PaddleProperties properties;
    private final HttpClient http;
    private final JsonMapper json;

    public PaddleClient(PaddleProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The checkout URL of a new transaction for one unit of {@code priceId}. */
    public String createCheckout(String priceId, String developerId, String customerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", List.of(Map.of("price_id", priceId, "quantity", 1)));
        body.put("custom_data", Map.of("developer_id", developerId));
        if (customerId != null) {
            body.put("customer_id", customerId);
        }
        if (properties.checkoutUrl() != null && !properties.checkoutUrl().isBlank()) {
            body.put("checkout", Map.of("url", properties.checkoutUrl()));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.baseUrl().toString().replaceAll("/+$", "")
                        + "/transactions"))
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + properties.apiKey())
                .header("Content-Type", "application/json")
                .header("Paddle-Version", "1")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable("Paddle could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while calling Paddle", e);
        }
        if (response.statusCode() / 100 != 2) {
            // 4xx here means our configuration (key, price id) is wrong: the operator needs the log, the
            // developer a retryable 503 that does not leak Paddle's details.
            log.warn("Paddle refused to create a transaction for price {}: HTTP {} {}", priceId, response.statusCode(),
                    abbreviate(response.body()));
            throw unavailable("Paddle answered HTTP " + response.statusCode(), null);
        }
        JsonNode url = json.readTree(response.body()).path("data").path("checkout").path("url");
        if (!url.isString() || url.asString().isBlank()) {
            log.warn("Paddle created a transaction without a checkout URL; set PADDLE_CHECKOUT_URL or a default "
                    + "payment link in Paddle");
            throw unavailable("Paddle returned no checkout URL", null);
        }
        return url.asString();
    }

    private static ApiException unavailable(String reason, Exception cause) {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Checkout is unavailable right now (" + reason
                + "); try again shortly.", cause);
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 500 ? body : body.substring(0, 500) + "...";
    }
}
