package org.clueexchange.api;

import java.util.List;

/**
 * A request the application refuses, for a reason only it can judge, naming each field and why. What kind of
 * refusal it is decides the answer ({@link ApiProblems} maps each to its HTTP status), so that the services
 * refusing requests say what is wrong, not how HTTP puts it.
 */
public class RequestRefusedException extends RuntimeException {

    /** Why a request is refused. */
    public enum Refusal {
        /** A field's value breaks a rule of the exchange. */
        INVALID,
        /** The client may not act for the jurisdiction the request concerns. */
        NOT_PERMITTED,
        /** The request names something this application does not hold. */
        NOT_FOUND,
        /** The request contradicts what is already recorded, e.g. a record id reused for another request. */
        CONFLICT
    }

    private final Refusal refusal;
    private final List<ApiProblems.FieldError> errors;

    public RequestRefusedException(Refusal refusal, List<ApiProblems.FieldError> errors) {
        super(errors.toString());
        this.refusal = refusal;
        this.errors = List.copyOf(errors);
    }

    public static RequestRefusedException invalid(String field, String message) {
        return of(Refusal.INVALID, field, message);
    }

    public static RequestRefusedException notPermitted(String field, String message) {
        return of(Refusal.NOT_PERMITTED, field, message);
    }

    public static RequestRefusedException notFound(String field, String message) {
        return of(Refusal.NOT_FOUND, field, message);
    }

    public static RequestRefusedException conflict(String field, String message) {
        return of(Refusal.CONFLICT, field, message);
    }

    private static RequestRefusedException of(Refusal refusal, String field, String message) {
        return new RequestRefusedException(refusal, List.of(new ApiProblems.FieldError(field, message)));
    }

    public Refusal refusal() {
        return refusal;
    }

    public List<ApiProblems.FieldError> errors() {
        return errors;
    }
}
