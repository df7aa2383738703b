package dev.pausepoint.billing;

import dev.pausepoint.kit.mail.EnableMail;
import dev.pausepoint.kit.openapi.EnablePublicApiDocument;
import dev.pausepoint.kit.plan.EnablePlans;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * billing-service opts into two of the kit's domain pieces: the plans (quota, usage, checkout) and mail
 * (password resets).
 */
@SpringBootApplication
@EnablePublicApiDocument
@EnablePlans
@EnableMail
public class BillingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BillingServiceApplication.class, args);
    }
}
