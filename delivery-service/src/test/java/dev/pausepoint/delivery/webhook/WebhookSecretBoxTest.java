package dev.pausepoint.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.identity.Hmac;
import org.junit.jupiter.api.Test;

class WebhookSecretBoxTest {

    private final WebhookSecretBox box = new WebhookSecretBox(Hmac.deriveKey("x".repeat(32), "test"));

    @Test
    void opensWhatItSealedForTheSameEndpointOnly() {
        String sealed = box.seal("whk_a", "whsec-0123456789abcdef");

        assertThat(sealed).startsWith("v1.").doesNotContain("whsec");
        assertThat(box.open("whk_a", sealed)).isEqualTo("whsec-0123456789abcdef");
        assertThat(box.seal("whk_a", "whsec-0123456789abcdef")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> box.open("whk_b", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDifferentKeyOrAlteredTextDoesNotOpen() {
        String sealed = box.seal("whk_a", "whsec-0123456789abcdef");
        WebhookSecretBox other = new WebhookSecretBox(Hmac.deriveKey("y".repeat(32), "test"));
        // A character in the middle: near the end, base64 padding bits could make two texts decode alike.
        int middle = sealed.length() / 2;
        String altered = sealed.substring(0, middle) + (sealed.charAt(middle) == 'A' ? 'g' : 'A') + sealed.substring(middle + 1);

        assertThatThrownBy(() -> other.open("whk_a", sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open("whk_a", altered)).isInstanceOf(IllegalStateException.class);
    }
}
