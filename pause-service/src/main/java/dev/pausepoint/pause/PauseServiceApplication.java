package dev.pausepoint.pause;

import dev.pausepoint.kit.openapi.EnablePublicApiDocument;
import dev.pausepoint.kit.plan.EnablePlans;
import dev.pausepoint.kit.token.EnableResponseTokens;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * pause-service opts into two of the kit's domain pieces: the plans (channels and timeout cap of a new
 * pause) and the response-token codec (the link each pause is answered through).
 */
@SpringBootApplication
@EnablePlans
@EnableResponseTokens
@EnablePublicApiDocument
public class PauseServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PauseServiceApplication.class, args);
    }
}
