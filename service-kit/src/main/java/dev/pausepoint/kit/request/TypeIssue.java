package dev.pausepoint.kit.request;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The issue a request field reports when its JSON type is wrong, instead of the reader's own ("must be a
 * string", "must be an array of strings"): for a field whose one message covers every way it can be wrong,
 * such as a webhook's {@code events}, or one that says it may also be null.
 */
@Documented
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
public @interface TypeIssue {

    String value();
}
