package org.clueexchange.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Locale;
import org.clueexchange.wire.PersonKeys;

/**
 * A resident ID number (居民身份证号), 18 characters with the check digit GB 11643 computes, x read as X: a mistyped
 * number would key another person or nobody. The refusal never repeats the number. Null is valid; a required field
 * is also {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = IdNumber.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface IdNumber {

    /** Its length, which the API description shows. */
    int LENGTH = 18;

    String message() default "must be an 18-character resident ID number (居民身份证号) with its check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<IdNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || PersonKeys.isIdNumber(value.toUpperCase(Locale.ROOT));
        }
    }
}
