package org.clueexchange.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clueexchange.wire.FactText;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses, naming it, a path variable or query parameter that holds what no id, code or number holds: a control
 * character or an unpaired surrogate, as {@link FactText#SHORT} says. Spring's conversions would take some of them
 * as if they were not there: they trim control characters off a code or a boolean, so that {@code state=%00} would
 * read as no state, a filter silently dropped, and {@code state=%01FAILED} as FAILED. An empty value is no value.
 */
final class ParameterText implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        List<ApiProblems.FieldError> errors = new ArrayList<>();
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value), errors));
        }
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                check(name, value, errors);
            }
        });
        if (!errors.isEmpty()) {
            throw RequestRefusedException.invalid(errors);
        }
        return true;
    }

    private static void check(String name, String value, List<ApiProblems.FieldError> errors) {
        if (!value.isEmpty()) {
            FactText.SHORT.problem(value, Integer.MAX_VALUE)
                    .ifPresent(reason -> errors.add(new ApiProblems.FieldError(name, reason)));
        }
    }
}
