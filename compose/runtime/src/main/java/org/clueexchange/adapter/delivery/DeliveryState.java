package org.clueexchange.adapter.delivery;

/** Where pushing one fact to one agency system stands. */
public enum DeliveryState {
    /** Not tried yet. */
    PENDING,
    /** Tried and refused or unreachable; tried again after a pause that doubles each time. */
    RETRYING,
    /** The webhook answered 2xx. */
    DELIVERED,
    /** Refused too often; waits for an operator to retry it. Later facts of the same clue go on meanwhile. */
    FAILED,
    /**
     * Its client is no longer configured with a webhook: kept, not pushed, until the client's webhook is configured
     * again, when it is pushed from where it stood.
     */
    HELD
}
