package org.clueexchange.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A request the application refuses, for a reason only it can judge, naming each field and why. The kind of problem
 * it is ({@link ProblemType}) decides the answer, so that the services refusing requests say what is wrong, not how
 * HTTP puts it.
 */
public class RequestRefusedException extends RuntimeException {

    private final ProblemType type;
    private final List<ApiProblems.FieldError> errors;
    private final Duration retryAfter;

    private RequestRefusedException(ProblemType type, List<ApiProblems.FieldError> errors, Duration retryAfter) {
        super(errors.toString());
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** A field's value breaks a rule of the exchange. */
    public static RequestRefusedException invalid(String field, String message) {
        return of(ProblemType.INVALID_REQUEST, field, message, null);
    }

    /** Several values break rules of the exchange, each named. */
    public static RequestRefusedException invalid(List<ApiProblems.FieldError> errors) {
        return new RequestRefusedException(ProblemType.INVALID_REQUEST, errors, null);
    }

    /** The client may not act for the jurisdiction the request concerns. */
    public static RequestRefusedException notPermitted(String field, String message) {
        return of(ProblemType.NOT_ENTITLED, field, message, null);
    }

    /** The request names something this application does not hold. */
    public static RequestRefusedException notFound(String field, String message) {
        return of(ProblemType.NOT_FOUND, field, message, null);
    }

    /** The request comes too early, and waiting alone will not make it possible: something must be asserted first. */
    public static RequestRefusedException notYetPossible(String field, String message) {
        return of(ProblemType.NOT_YET_POSSIBLE, field, message, null);
    }

    /** The request acts on something that has not arrived yet, and may have once {@code retryAfter} has passed. */
    public static RequestRefusedException notYetPossible(String field, String message, Duration retryAfter) {
        return of(ProblemType.NOT_YET_POSSIBLE, field, message, retryAfter);
    }

    /** The request's record id already stands for a different request. */
    public static RequestRefusedException recordIdReused(String field, String message) {
        return of(ProblemType.RECORD_ID_REUSED, field, message, null);
    }

    /** What the request asserts contradicts what was already recorded of the clue another way. */
    public static RequestRefusedException conflictsWithRecord(String field, String message) {
        return of(ProblemType.CONFLICTS_WITH_RECORD, field, message, null);
    }

    private static RequestRefusedException of(ProblemType type, String field, String message, Duration retryAfter) {
        return new RequestRefusedException(type, List.of(new ApiProblems.FieldError(field, message)), retryAfter);
    }

    public ProblemType type() {
        return type;
    }

    public List<ApiProblems.FieldError> errors() {
        return errors;
    }

    /** How long to wait before sending the same request again, where waiting is all it takes. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
