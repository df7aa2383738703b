package dev.pausepoint.kit;

import dev.pausepoint.identity.CallerIdentity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An endpoint of the kit's test application that needs a developer, as most of the API does. */
@RestController
class KitProbeController {

    @GetMapping("/kit-probe/developer")
    String developer(CallerIdentity caller) {
        return caller.requireAuthenticated().developerId();
    }
}
