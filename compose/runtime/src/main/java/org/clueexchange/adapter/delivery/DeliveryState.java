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
    FAILED
}
