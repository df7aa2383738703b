package dev.pausepoint.billing.credential;

import dev.pausepoint.identity.CallerIdentity;
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
    public RotateKeyResponse rotate(@RequestBody(required = false) JsonNode body, CallerIdentity caller) {
        RotateKeyRequest request = body == null || body.isNull() ? null
                : JsonBodies.read(body, RotateKeyRequest.class);
        return rotation.rotate(caller, request);
    }
}
