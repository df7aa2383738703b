package dev.pausepoint.pause.lifecycle;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every escalation step names a channel a pause may use, judged as the pause's own channel is: a missing,
 * mistyped or unknown one is 400 INVALID_CHANNEL, before the options and the other fields. On the record
 * rather than on the field, so that an {@code escalation} that is not an array of objects at all is the
 * field's own 422, not a channel error.
 */
@Documented
@Constraint(validatedBy = EscalationChannels.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface EscalationChannels {

    String message() default "every escalation step's channel must be one of sms, email, slack";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EscalationChannels, CreatePauseRequest> {

        @Override
        public boolean isValid(CreatePauseRequest request, ConstraintValidatorContext context) {
            List<ObjectNode> steps = request.escalation();
            if (steps == null) {
                return true;
            }
            for (ObjectNode step : steps) {
                JsonNode channel = step.get("channel");
                if (channel == null || !channel.isString() || !Pause.CHANNELS.contains(channel.asString())) {
                    return false;
                }
            }
            return true;
        }
    }
}
