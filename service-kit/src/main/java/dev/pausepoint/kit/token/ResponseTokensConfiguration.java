package dev.pausepoint.kit.token;

import dev.pausepoint.identity.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@link EnableResponseTokens} imports: the response-token keys, shared by pause-service (which
 * issues tokens) and response-service (which verifies them). Without explicit keys, key 1 is derived from
 * the internal secret, so a deployment needs one secret to work; to rotate, configure
 * {@code pausepoint.response-tokens.keys.<id>} and move {@code current-key-id}, keeping old keys until
 * their tokens have expired.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResponseTokensConfiguration.ResponseTokenProperties.class)
class ResponseTokensConfiguration {

    @ConfigurationProperties("pausepoint.response-tokens")
    public record ResponseTokenProperties(Map<Integer, String> keys, Integer currentKeyId) {
    }

    @Bean
    ResponseTokenCodec responseTokenCodec(ResponseTokenProperties properties,
            @Value("${pausepoint.internal-secret:}") String internalSecret) {
        Map<Integer, byte[]> keys = new HashMap<>();
        if (properties.keys() == null || properties.keys().isEmpty()) {
            keys.put(1, derive(internalSecret, "pausepoint/response-tokens/1"));
        } else {
            properties.keys().forEach((id, secret) -> keys.put(id, secret.getBytes(StandardCharsets.UTF_8)));
        }
        return new ResponseTokenCodec(keys, properties.currentKeyId() == null ? 1 : properties.currentKeyId());
    }

    /** A separate key per purpose, so a token key never doubles as the request-signing key. */
    private static byte[] derive(String secret, String purpose) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("INTERNAL_SECRET (at least 32 characters) is needed to derive response-token keys");
        }
        return Hmac.deriveKey(secret, purpose);
    }
}
