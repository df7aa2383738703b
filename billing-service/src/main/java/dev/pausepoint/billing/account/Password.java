package dev.pausepoint.billing.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A new password: at least 10 characters (docs/api-reference.md, "Accounts and keys") and at most 72 bytes,
 * because bcrypt ignores everything after the 72nd byte and a longer password would silently be a shorter
 * one.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Password.Validator.class)
public @interface Password {

    int MIN_CHARACTERS = 10;
    int MAX_BYTES = 72;

    String message() default "must be 10 to 72 characters (72 bytes)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Password, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true; // @NotNull reports absence
            }
            String issue = null;
            if (value.codePointCount(0, value.length()) < MIN_CHARACTERS) {
                issue = "must be at least " + MIN_CHARACTERS + " characters";
            } else if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                issue = "must be at most " + MAX_BYTES + " bytes";
            }
            if (issue == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(issue).addConstraintViolation();
            return false;
        }
    }
}
