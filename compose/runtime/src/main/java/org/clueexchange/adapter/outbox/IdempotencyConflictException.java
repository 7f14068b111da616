package org.clueexchange.adapter.outbox;

/** A request's record id already stands for a different request: a retry must repeat the original request exactly. */
public class IdempotencyConflictException extends RuntimeException {

    /** @param reason what the record id already stands for, in the words the agency system is told */
    public IdempotencyConflictException(String reason) {
        super(reason);
    }
}
