package dev.pausepoint.kit.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.kit.EnvironmentVariables;
import dev.pausepoint.testsupport.TestSecrets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** How deployments configure and rotate the token keys, through the environment variables docs/operations.md names. */
class ResponseTokenKeysTest {

    private static final String PAUSE = "psr_" + UUID.randomUUID();
    private static final Instant EXPIRY = Instant.parse("2026-12-01T00:00:00Z");
    private static final String KEY_1 = "the-first-response-token-key-0123456789";
    private static final String KEY_2 = "the-second-response-token-key-012345678";

    @EnableResponseTokens
    static class TokensEnabled {
    }

    private static ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return new ApplicationContextRunner()
                .withUserConfiguration(TokensEnabled.class)
                .withInitializer(EnvironmentVariables.of(variables));
    }

    private static String issueWith(Map<String, Object> variables) {
        String[] token = new String[1];
        withEnvironment(variables).run(context -> token[0] = context.getBean(ResponseTokenCodec.class).issue(PAUSE, EXPIRY));
        return token[0];
    }

    @Test
    void withoutKeysTheKeyComesFromTheInternalSecret() {
        Map<String, Object> env = Map.of("PAUSEPOINT_INTERNAL_SECRET", TestSecrets.INTERNAL_SECRET);
        String token = issueWith(env);
        assertThat(token).isEqualTo(issueWith(env)).as("every service derives the same key");
        assertThat(token).isNotEqualTo(issueWith(Map.of("PAUSEPOINT_INTERNAL_SECRET", "another-internal-secret-0123456789abc")));
    }

    @Test
    void rotationByEnvironmentKeepsOldLinksWorking() {
        String old = issueWith(Map.of("PAUSEPOINT_RESPONSETOKENS_KEYS_1", KEY_1));
        withEnvironment(Map.of("PAUSEPOINT_RESPONSETOKENS_KEYS_1", KEY_1, "PAUSEPOINT_RESPONSETOKENS_KEYS_2", KEY_2,
                "PAUSEPOINT_RESPONSETOKENS_CURRENTKEYID", "2")).run(context -> {
                    ResponseTokenCodec rotated = context.getBean(ResponseTokenCodec.class);
                    assertThat(rotated.verify(old).keyId()).isEqualTo(1);
                    assertThat(rotated.verify(rotated.issue(PAUSE, EXPIRY)).keyId()).isEqualTo(2);
                });
    }
}
