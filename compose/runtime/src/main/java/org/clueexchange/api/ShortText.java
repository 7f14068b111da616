package org.clueexchange.api;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
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
 * An id, a number or a name, as the contract takes it ({@link FactText#SHORT}): not blank, at most {@link #max()}
 * characters, no control character. Null is valid; a required field is also {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = ShortText.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface ShortText {

    /** The field's limit, one of {@code ContractLimits}'. */
    int max();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check extends FactTextCheck<ShortText> {

        @Override
        public void initialize(ShortText constraint) {
            accept(FactText.SHORT, constraint.max());
        }
    }
}
