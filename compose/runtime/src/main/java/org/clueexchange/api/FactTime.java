package org.clueexchange.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.Optional;
import org.clueexchange.wire.TimeBounds;

/**
 * When something happened at an agency, as the contract bounds it on this application's clock
 * ({@link TimeBounds#factTimeProblem}); or, with {@link #deadline()}, by when something must happen
 * ({@link TimeBounds#deadlineProblem}). Null is valid. The application declares the {@link TimeBounds} bean.
 */
@Documented
@Constraint(validatedBy = FactTime.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface FactTime {

    /** Whether the instant is a deadline, which may lie further ahead. */
    boolean deadline() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<FactTime, Instant> {

        private final TimeBounds bounds;
        private boolean deadline;

        public Check(TimeBounds bounds) {
            this.bounds = bounds;
        }

        @Override
        public void initialize(FactTime constraint) {
            deadline = constraint.deadline();
        }

        @Override
        public boolean isValid(Instant at, ConstraintValidatorContext context) {
            Optional<String> problem = at == null ? Optional.empty()
                    : deadline ? bounds.deadlineProblem(at) : bounds.factTimeProblem(at);
            problem.ifPresent(reason -> Constraints.refuse(context, reason));
            return problem.isEmpty();
        }
    }
}
