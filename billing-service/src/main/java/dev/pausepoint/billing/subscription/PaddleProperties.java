package dev.pausepoint.billing.subscription;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Paddle Billing, from the environment. Without an API key the instance sells nothing: every billing
 * call but the webhook answers 503 BILLING_NOT_CONFIGURED. {@code webhookSecrets} holds one or more
 * notification secrets (comma-separated), so a secret can be rotated without refusing events signed
 * with the old one; {@code prices} maps each plan sold through checkout to its Paddle price id.
 */
@ConfigurationProperties("pausepoint.billing.paddle")
public record PaddleProperties(String apiKey, URI baseUrl, String checkoutUrl, List<String> webhookSecrets,
        Map<String, String> prices, Duration timeout, Duration signatureTolerance, Duration entitlementSweepInterval) {

    public PaddleProperties {
        webhookSecrets = webhookSecrets == null ? List.of()
                : webhookSecrets.stream().map(String::trim).filter(secret -> !secret.isEmpty()).toList();
        prices = prices == null ? Map.of() : prices.entrySet().stream()
                .filter(price -> price.getValue() != null && !price.getValue().isBlank())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, price -> price.getValue().trim()));
    }

    public boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** 503 BILLING_NOT_CONFIGURED on an instance that sells nothing. */
    public void requireConfigured() {
        if (!configured()) {
            throw new BillingNotConfiguredException();
        }
    }

    public Optional<String> priceOf(String plan) {
        return Optional.ofNullable(prices.get(plan));
    }

    public Optional<String> planOf(String priceId) {
        return prices.entrySet().stream().filter(price -> price.getValue().equals(priceId)).map(Map.Entry::getKey)
                .findFirst();
    }
}
