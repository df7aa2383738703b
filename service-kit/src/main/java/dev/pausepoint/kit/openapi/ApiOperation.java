package dev.pausepoint.kit.openapi;

import dev.pausepoint.errors.ErrorCode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public operation as the OpenAPI document shows it (docs/openapi.md). Handlers read JSON bodies as a
 * tree ({@code JsonBodies}), so the request record is named here; the errors are the operation's own
 * (the gateway's, which any operation may answer, are added by {@link PublicOperations}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiOperation {

    /** The stable {@code operationId} SDKs name their methods after. */
    String id();

    String tag();

    String summary();

    String description() default "";

    Access access();

    /** The JSON request body's schema, when the handler reads the body as a tree. */
    Class<?> body() default Void.class;

    boolean bodyRequired() default true;

    /** The request body's media type, when it is not JSON (a provider's form post). */
    String bodyMediaType() default "application/json";

    /** The success answer's schema, when the handler's return type does not say it. */
    Class<?> response() default Void.class;

    /**
     * The success answer's media types, when it is not JSON: the first has the answer's schema, any other
     * is text in another format (the audit export's CSV).
     */
    String[] responseMediaTypes() default {};

    /** Headers of the success answer beyond those of every answer, by their name in the components. */
    String[] responseHeaders() default {};

    ErrorCode[] errors() default {};

    /**
     * A hosted HTML page: what a person can fix is answered with a page, at the status that fits, so its
     * answers are described as pages, beside the gateway's refusals in the envelope.
     */
    boolean page() default false;
}
