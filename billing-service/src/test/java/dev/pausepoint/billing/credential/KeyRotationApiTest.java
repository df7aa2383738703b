package dev.pausepoint.billing.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.billing.BillingApiTest;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.account.ApiKeyRotated;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.SignedClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class KeyRotationApiTest extends BillingApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void rotationReplacesThePresentedKeysTypeAndTheOldOneStopsResolving() {
        Account account = register();
        Reply reply = client.postJson("/v1/auth/keys/rotate", "{}", account.live());
        assertThat(reply.status()).isEqualTo(200);
        String newKey = reply.json().get("api_key").asString();
        assertThat(newKey).matches("pp_live_[0-9a-f]{48}").isNotEqualTo(account.liveKey());
        assertThat(reply.json().get("key_type").asString()).isEqualTo("live");
        assertThat(reply.json().get("api_key_prefix").asString()).isEqualTo(newKey.substring(0, 12));
        assertThat(reply.json().get("rotated_at").asString()).endsWith("Z");

        assertThat(lookup("api_key", SecretTokens.sha256(account.liveKey())).status()).isEqualTo(404);
        assertThat(lookup("api_key", SecretTokens.sha256(newKey)).json().get("developer_id").asString())
                .isEqualTo(account.developerId());
        assertThat(lookup("api_key", SecretTokens.sha256(account.testKey())).status())
                .as("the other type is untouched").isEqualTo(200);
    }

    @Test
    void rotationIsAnnouncedWithTheHashOfTheRevokedKey() {
        Account account = register();
        client.postJson("/v1/auth/keys/rotate", "{\"key_type\":\"test\"}", account.session());
        ApiKeyRotated event = EventReader.first(Topics.ACCOUNT_EVENTS, ApiKeyRotated.class,
                e -> e.developerId().equals(account.developerId()));
        assertThat(event.keyType()).isEqualTo("test");
        assertThat(event.revokedKeyHash()).isEqualTo(SecretTokens.sha256(account.testKey()));
        assertThat(event.newKeyPrefix()).startsWith("pp_test_");
    }

    /** Without a key_type a session rotates the key of the world it was sent in, like a key its own. */
    @ParameterizedTest
    @CsvSource({"live, test", "test, live"})
    void aSessionRotatesTheKeyOfItsWorldByDefault(String world, String otherWorld) {
        Account account = register();
        CallerIdentity session = world.equals("live") ? account.session() : account.testSession();
        Reply reply = client.postJson("/v1/auth/keys/rotate", "", session);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("key_type").asString()).isEqualTo(world);
        assertThat(reply.json().get("api_key").asString()).startsWith("pp_" + world + "_");
        assertThat(activeKeys(account, world)).containsExactly(SecretTokens.sha256(reply.json().get("api_key").asString()));
        String untouched = otherWorld.equals("live") ? account.liveKey() : account.testKey();
        assertThat(activeKeys(account, otherWorld)).containsExactly(SecretTokens.sha256(untouched));
    }

    /** The account owns both keys, so a session may name either from either world. */
    @ParameterizedTest
    @CsvSource({"live, live", "live, test", "test, live", "test, test"})
    void aSessionMayRotateEitherKeyByName(String world, String target) {
        Account account = register();
        Reply reply = client.postJson("/v1/auth/keys/rotate", "{\"key_type\":\"" + target + "\"}",
                world.equals("live") ? account.session() : account.testSession());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("key_type").asString()).isEqualTo(target);
        String revoked = target.equals("live") ? account.liveKey() : account.testKey();
        assertThat(lookup("api_key", SecretTokens.sha256(revoked)).status()).isEqualTo(404);
    }

    @Test
    void aTestKeyRotatesItselfByDefault() {
        Account account = register();
        assertThat(client.postJson("/v1/auth/keys/rotate", "{}", account.test()).json().get("api_key").asString())
                .startsWith("pp_test_");
    }

    /** A leaked test key must not take over production, nor a live key the other world. */
    @ParameterizedTest
    @CsvSource({"test, live", "live, test"})
    void anApiKeyCannotRotateTheOtherModesKey(String presented, String target) {
        Account account = register();
        Reply reply = client.postJson("/v1/auth/keys/rotate", "{\"key_type\":\"" + target + "\"}",
                presented.equals("live") ? account.live() : account.test());
        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.json().get("error").asString()).isEqualTo("KEY_MODE_NOT_ALLOWED");
        assertThat(reply.json().get("message").asString()).contains(presented + " key").contains(target + " key");
        String targetKey = target.equals("live") ? account.liveKey() : account.testKey();
        assertThat(lookup("api_key", SecretTokens.sha256(targetKey)).status()).as("the key still works").isEqualTo(200);
        assertThat(activeKeys(account, target)).containsExactly(SecretTokens.sha256(targetKey));
    }

    @Test
    void aKeyMayNameItsOwnMode() {
        Account account = register();
        assertThat(client.postJson("/v1/auth/keys/rotate", "{\"key_type\":\"test\"}", account.test()).status())
                .isEqualTo(200);
        assertThat(client.postJson("/v1/auth/keys/rotate", "{\"key_type\":\"live\"}", account.live()).status())
                .isEqualTo(200);
    }

    private List<String> activeKeys(Account account, String mode) {
        return jdbc.sql("SELECT key_hash FROM api_key WHERE developer_id = ? AND mode = ? AND revoked_at IS NULL")
                .params(account.developerId(), mode).query(String.class).list();
    }

    @Test
    void unknownKeyTypeIsValidationError() {
        Reply reply = client.postJson("/v1/auth/keys/rotate", "{\"key_type\":\"staging\"}", register().live());
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").toString()).contains("must be live or test");
    }

    @Test
    void concurrentRotationsLeaveExactlyOneActiveKey() {
        Account account = register();
        List<CompletableFuture<Reply>> rotations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rotations.add(CompletableFuture.supplyAsync(
                    () -> client.postJson("/v1/auth/keys/rotate", "{}", account.live())));
        }
        List<Reply> replies = rotations.stream().map(CompletableFuture::join).toList();
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        List<String> active = jdbc.sql("SELECT key_hash FROM api_key WHERE developer_id = ? AND mode = 'live' "
                + "AND revoked_at IS NULL").param(account.developerId()).query(String.class).list();
        assertThat(active).hasSize(1);
        assertThat(replies.stream().map(reply -> SecretTokens.sha256(reply.json().get("api_key").asString())))
                .contains(active.get(0));
    }

    @Test
    void rotationNeedsACredential() {
        assertThat(client.postJson("/v1/auth/keys/rotate", "{}", ANONYMOUS).status()).isEqualTo(401);
    }

    @Test
    void lookupOfAnUnknownOrMalformedHashIsRefused() {
        assertThat(lookup("api_key", SecretTokens.sha256("pp_live_" + "0".repeat(48))).status()).isEqualTo(404);
        assertThat(lookup("api_key", "nothex").status()).isEqualTo(422);
        assertThat(lookup("password", SecretTokens.sha256("x")).status()).isEqualTo(422);
    }
}
