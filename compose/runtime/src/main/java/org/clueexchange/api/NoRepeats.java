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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of records in which no two entries share the value of the component {@link #of()}, where a repeat makes
 * no sense: the same document named twice, the same outcome counted twice. Each repeat is refused at its own path,
 * e.g. {@code attachments[2].name}, naming the entry it repeats.
 */
@Documented
@Constraint(validatedBy = NoRepeats.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface NoRepeats {

    /** The record component whose value must differ from entry to entry. */
    String of();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<NoRepeats, List<?>> {

        private String component;

        @Override
        public void initialize(NoRepeats constraint) {
            component = constraint.of();
        }

        @Override
        public boolean isValid(List<?> entries, ConstraintValidatorContext context) {
            if (entries == null) {
                return true;
            }
            Map<Object, Integer> firstEntryOf = new HashMap<>();
            boolean valid = true;
            for (int i = 0; i < entries.size(); i++) {
                Object value = entries.get(i) instanceof Record entry ? valueOf(entry) : null;
                Integer first = value == null ? null : firstEntryOf.putIfAbsent(value, i);
                if (first != null) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate("repeats entry " + first)
                            .addPropertyNode(component).inIterable().atIndex(i).addConstraintViolation();
                    valid = false;
                }
            }
            return valid;
        }

        private Object valueOf(Record entry) {
            Method accessor = Arrays.stream(entry.getClass().getRecordComponents())
                    .filter(recordComponent -> recordComponent.getName().equals(component))
                    .map(RecordComponent::getAccessor).findFirst()
                    .orElseThrow(() -> new IllegalStateException(entry.getClass().getName() + " has no component "
                            + component + " to tell its entries apart by"));
            try {
                accessor.trySetAccessible();
                return accessor.invoke(entry);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component + " of " + entry, e);
            }
        }
    }
}
