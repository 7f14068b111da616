package org.clueexchange.adapter.outbox;

/** A request key already stands for a different request: a retry must repeat the original request exactly. */
public class IdempotencyConflictException extends RuntimeException {

    private final String requestKey;

    public IdempotencyConflictException(String requestKey) {
        super("request key " + requestKey + " was already used for a different request");
        this.requestKey = requestKey;
    }

    public String requestKey() {
        return requestKey;
    }
}
