package org.clueexchange.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.clueexchange.wire.FactText;

/**
 * A summary, an explanation or instructions, as the contract takes them ({@link FactText#FREE}): not blank, at most
 * {@link #max()} characters, lines of text without any other control character. Null is valid; a required field is
 * also {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = FreeText.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface FreeText {

    /** The field's limit, one of {@code ContractLimits}'. */
    int max();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check extends FactTextCheck<FreeText> {

        @Override
        public void initialize(FreeText constraint) {
            accept(FactText.FREE, constraint.max());
        }
    }
}
