package dev.pausepoint.billing.credential;

import static dev.pausepoint.kit.request.JsonBodyIssues.issues;
import static dev.pausepoint.kit.request.JsonBodyIssues.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.billing.credential.CredentialLookupController.LookupRequest;
import dev.pausepoint.errors.FieldIssue;
import org.junit.jupiter.api.Test;

/** The key rotation body and the gateway's credential lookup, without HTTP. */
class CredentialRequestsTest {

    private static final String HASH = "0123456789abcdef".repeat(4);

    @Test
    void aKeyTypeIsLiveOrTestOrLeftOut() {
        assertThat(read("{\"key_type\": \"test\"}", RotateKeyRequest.class).keyType())
                .isEqualTo("test");
        assertThat(read("{}", RotateKeyRequest.class).keyType()).isNull();
        assertThat(issues("{\"key_type\": \"LIVE\"}", RotateKeyRequest.class))
                .containsExactly(new FieldIssue("key_type", "must be live or test"));
        assertThat(issues("{\"key_type\": [\"live\"]}", RotateKeyRequest.class))
                .containsExactly(new FieldIssue("key_type", "must be a string"));
    }

    @Test
    void aLookupNamesAKindAndAHash() {
        assertThat(read("{\"kind\": \"session\", \"credential_hash\": \"" + HASH + "\"}",
                LookupRequest.class)).isEqualTo(new LookupRequest("session", HASH));
        assertThat(issues("{\"credential_hash\": \"" + HASH.toUpperCase() + "\", \"kind\": \"key\"}", LookupRequest.class))
                .containsExactly(new FieldIssue("kind", "must be api_key or session"),
                        new FieldIssue("credential_hash", "must be a SHA-256 hex"));
        assertThat(issues("{\"kind\": 5}", LookupRequest.class)).containsExactly(
                new FieldIssue("kind", "must be a string"), new FieldIssue("credential_hash", "is required"));
    }
}
