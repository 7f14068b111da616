package org.clueexchange.api;

import jakarta.validation.ConstraintValidatorContext;

/** What the exchange's own constraints share: they refuse in the words of the rule they apply. */
final class Constraints {

    private Constraints() {
    }

    /**
     * Replaces the constraint's message with {@code reason}, taken literally: braces and dollar signs are escaped so
     * that the message interpolator leaves them as they are.
     */
    static void refuse(ConstraintValidatorContext context, String reason) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(reason)).addConstraintViolation();
    }

    private static String literal(String reason) {
        return reason.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
