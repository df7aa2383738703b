package dev.pausepoint.billing.credential;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
import dev.pausepoint.kit.request.JsonBodies;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
public class KeyController {

    private final KeyRotationService rotation;

    public KeyController(KeyRotationService rotation) {
        this.rotation = rotation;
    }

    /** The body is optional: without one (or with JSON null) the key of the presented mode is rotated. */
    @PostMapping("/v1/auth/keys/rotate")
    @ApiOperation(id = "rotateKey", tag = "Accounts and keys", summary = "Replace the live or the test API key",
            access = Access.CREDENTIAL, body = RotateKeyRequest.class, bodyRequired = false,
            errors = {ErrorCode.KEY_MODE_NOT_ALLOWED, ErrorCode.VALIDATION_ERROR},
            description = "key_type defaults to the mode the caller presents. The old key of that mode is revoked.")
    public RotateKeyResponse rotate(@RequestBody(required = false) JsonNode body, CallerIdentity caller) {
        RotateKeyRequest request = body == null || body.isNull() ? null
                : JsonBodies.read(body, RotateKeyRequest.class);
        return rotation.rotate(caller, request);
    }
}
