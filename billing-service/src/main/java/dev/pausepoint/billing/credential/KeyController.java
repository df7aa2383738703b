package dev.pausepoint.billing.credential;

import dev.pausepoint.identity.CallerIdentity;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class KeyController {

    private final KeyRotationService rotation;

    public KeyController(KeyRotationService rotation) {
        this.rotation = rotation;
    }

    @PostMapping("/v1/auth/keys/rotate")
    public RotateKeyResponse rotate(@Valid @RequestBody(required = false) RotateKeyRequest request,
            CallerIdentity caller) {
        return rotation.rotate(caller, request);
    }
}
