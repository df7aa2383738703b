package dev.pausepoint.kit.token;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Gives a service the {@link ResponseTokenCodec} under the keys of {@code pausepoint.response-tokens} (or
 * the key derived from the internal secret). Only the services that issue or verify response links
 * enable it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(ResponseTokensConfiguration.class)
public @interface EnableResponseTokens {
}
