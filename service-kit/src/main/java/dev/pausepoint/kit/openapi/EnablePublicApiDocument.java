package dev.pausepoint.kit.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Makes this service's public operations part of the OpenAPI document (docs/openapi.md). The document is
 * served on the management port only ({@code /actuator/openapi}), which the gateway never routes; the
 * public reads the merged document the gateway serves. Needs springdoc on the service's class path.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(PublicApiDocumentConfiguration.class)
public @interface EnablePublicApiDocument {
}
