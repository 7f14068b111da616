package org.clueexchange.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request refused for reasons only the application can judge, answered as {@link ApiProblems} describes. */
public class InvalidRequestException extends RuntimeException {

    private final HttpStatus status;
    private final List<ApiProblems.FieldError> errors;

    public InvalidRequestException(HttpStatus status, List<ApiProblems.FieldError> errors) {
        super(errors.toString());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequestException of(String field, String message) {
        return of(HttpStatus.BAD_REQUEST, field, message);
    }

    public static InvalidRequestException of(HttpStatus status, String field, String message) {
        return new InvalidRequestException(status, List.of(new ApiProblems.FieldError(field, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public List<ApiProblems.FieldError> errors() {
        return errors;
    }
}
