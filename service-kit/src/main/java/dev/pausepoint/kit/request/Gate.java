package dev.pausepoint.kit.request;

import dev.pausepoint.errors.ErrorCode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Bean Validation group whose fields are judged before the rest of the body and answered with
 * their own error code instead of the one 422: a request record lists such groups first in its
 * {@link jakarta.validation.GroupSequence}, in the order they are judged. A field belongs to the gate when
 * any of its constraints (or its elements' constraints) is in the group; a wrong JSON type for such a field
 * fails the gate too, so {@code "channel": 5} is the channel's error, not a 422.
 *
 * <pre>{@code
 * @Gate(code = ErrorCode.INVALID_CHANNEL, message = "channel must be one of sms, email, slack.")
 * interface ChannelRule {
 * }
 * }</pre>
 *
 * The code and message sit on the group rather than in each constraint's {@code payload}, so they are
 * written once and the message is the gate's, whichever of its constraints failed.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Gate {

    ErrorCode code();

    /** The whole message of the error, as a sentence. */
    String message();
}
