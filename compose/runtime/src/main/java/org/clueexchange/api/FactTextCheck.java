package org.clueexchange.api;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.util.Optional;
import org.clueexchange.wire.FactText;

/**
 * Refuses a request's text as the contract's validator would refuse the fact it becomes, in the same words: the
 * rule is {@link FactText}'s, the limit the field's annotation names.
 */
abstract class FactTextCheck<A extends Annotation> implements ConstraintValidator<A, String> {

    private FactText kind;
    private int maxLength;

    void accept(FactText kind, int maxLength) {
        this.kind = kind;
        this.maxLength = maxLength;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        Optional<String> problem = value == null ? Optional.empty() : kind.problem(value, maxLength);
        problem.ifPresent(reason -> Constraints.refuse(context, reason));
        return problem.isEmpty();
    }
}
