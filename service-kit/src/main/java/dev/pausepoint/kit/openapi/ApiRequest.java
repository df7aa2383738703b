package dev.pausepoint.kit.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a request body. An answer's record has every field present (null when unset), so
 * {@link RecordSchemas} makes each of its fields required; a request's fields are required only where a
 * constraint says so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiRequest {
}
