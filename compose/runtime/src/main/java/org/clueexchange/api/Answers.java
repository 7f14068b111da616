package org.clueexchange.api;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.springframework.http.HttpStatus;

/**
 * What an endpoint answers that its API description cannot tell from its shape: the status of its success, when it
 * is not 200, and the refusals its services may make besides invalid input. {@link ApiDescription} shows them, each
 * refusal under its {@link ProblemType}'s status, beside the problems any request of its shape may get.
 */
@Documented
@Target(METHOD)
@Retention(RUNTIME)
public @interface Answers {

    /** The status of a successful answer, a retry's included. */
    HttpStatus status() default HttpStatus.OK;

    /** The problems the endpoint's services may answer beyond invalid input. */
    ProblemType[] refuses() default {};
}
