package dev.pausepoint.response;

import dev.pausepoint.kit.openapi.EnablePublicApiDocument;
import dev.pausepoint.kit.token.EnableResponseTokens;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** response-service opts into the kit's response-token codec, to verify the links pause-service issued. */
@SpringBootApplication
@EnablePublicApiDocument
@EnableResponseTokens
public class ResponseServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResponseServiceApplication.class, args);
    }
}
