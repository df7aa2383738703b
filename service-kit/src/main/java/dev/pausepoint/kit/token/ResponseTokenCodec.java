package dev.pausepoint.kit.token;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.Hmac;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The single-use link's credential (docs/api-reference.md, "Human response"):
 * {@code base64url(payload) + "." + base64url(HMAC-SHA256(payload))}. The payload is a version byte, the
 * key id, the pause's UUID (16 bytes) and the expiry (unsigned seconds), 22 bytes; the MAC is truncated
 * to 128 bits. The whole token is 53 characters, short enough for an SMS link.
 *
 * <p>A pause has one link per recipient (docs/api-decisions.md, "Reminders and escalation"): the link of
 * slot 0, the pause's own recipient, is exactly that version-1 token, so its links read as before; the link
 * of another slot is version 2, the same payload followed by the slot byte (23 bytes, 54 characters).
 *
 * <p>Keys rotate: new tokens are signed with {@code currentKeyId}, and every key still configured keeps
 * verifying the tokens it signed until they expire. Comparison is constant-time. Verification says
 * nothing about expiry or use; callers decide what an expired or spent token shows.
 */
public final class ResponseTokenCodec {

    private static final byte VERSION = 1;
    private static final byte SLOT_VERSION = 2;
    private static final int PAYLOAD_LENGTH = 22;
    private static final int SLOT_PAYLOAD_LENGTH = PAYLOAD_LENGTH + 1;
    private static final int MAC_LENGTH = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Map<Integer, byte[]> keys;
    private final int currentKeyId;

    public ResponseTokenCodec(Map<Integer, byte[]> keys, int currentKeyId) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("no response-token key with id " + currentKeyId);
        }
        keys.forEach((id, key) -> {
            if (id < 0 || id > 255 || key.length < 32) {
                throw new IllegalArgumentException("response-token key " + id + " needs an id 0-255 and 32+ bytes");
            }
        });
        this.keys = Map.copyOf(keys);
        this.currentKeyId = currentKeyId;
    }

    public String issue(String pauseId, Instant expiresAt) {
        return issue(pauseId, expiresAt, 0);
    }

    /** The token of {@code slot} (0-255) of the pause; slot 0's is the version-1 token of {@link #issue(String, Instant)}. */
    public String issue(String pauseId, Instant expiresAt, int slot) {
        if (slot < 0 || slot > 255) {
            throw new IllegalArgumentException("a response-token slot is 0-255, not " + slot);
        }
        UUID uuid = UUID.fromString(pauseId.substring("psr_".length()));
        ByteBuffer payload = ByteBuffer.allocate(slot == 0 ? PAYLOAD_LENGTH : SLOT_PAYLOAD_LENGTH)
                .put(slot == 0 ? VERSION : SLOT_VERSION).put((byte) currentKeyId)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                .putInt((int) expiresAt.getEpochSecond());
        if (slot != 0) {
            payload.put((byte) slot);
        }
        byte[] bytes = payload.array();
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(keys.get(currentKeyId), bytes));
    }

    /** The token's content if it was issued with one of our keys; 400 INVALID_TOKEN otherwise. */
    public ResponseToken verify(String token) {
        if (token == null || token.length() > 80) {
            throw invalid();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            throw invalid();
        }
        byte[] payload;
        byte[] presented;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            presented = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        boolean slotted = payload.length == SLOT_PAYLOAD_LENGTH && payload[0] == SLOT_VERSION;
        if (!(slotted || payload.length == PAYLOAD_LENGTH && payload[0] == VERSION) || presented.length != MAC_LENGTH) {
            throw invalid();
        }
        // Slot 0 has one token, version 1: a version-2 token naming it would be a second string for one link.
        if (slotted && payload[PAYLOAD_LENGTH] == 0) {
            throw invalid();
        }
        int keyId = payload[1] & 0xFF;
        byte[] key = keys.get(keyId);
        if (key == null || !MessageDigest.isEqual(mac(key, payload), presented)) {
            throw invalid();
        }
        // Re-encoding must give back exactly what was sent, so no two strings name one token.
        if (!ENCODER.encodeToString(payload).equals(token.substring(0, dot))
                || !ENCODER.encodeToString(presented).equals(token.substring(dot + 1))) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload, 2, PAYLOAD_LENGTH - 2);
        UUID uuid = new UUID(buffer.getLong(), buffer.getLong());
        long expiry = Integer.toUnsignedLong(buffer.getInt());
        int slot = slotted ? payload[PAYLOAD_LENGTH] & 0xFF : 0;
        return new ResponseToken("psr_" + uuid, Instant.ofEpochSecond(expiry), keyId, slot);
    }

    private static byte[] mac(byte[] key, byte[] payload) {
        return Arrays.copyOf(Hmac.sha256(key, payload), MAC_LENGTH);
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_TOKEN, "This response link is not valid.");
    }
}
