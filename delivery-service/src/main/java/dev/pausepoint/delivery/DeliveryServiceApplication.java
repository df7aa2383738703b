package dev.pausepoint.delivery;

import dev.pausepoint.kit.mail.EnableMail;
import dev.pausepoint.kit.openapi.EnablePublicApiDocument;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** delivery-service opts into the kit's mail, for the email channel. */
@SpringBootApplication
@EnablePublicApiDocument
@EnableMail
public class DeliveryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeliveryServiceApplication.class, args);
    }
}
