package org.clueexchange.subscription;

/**
 * A handler's verdict that a decoded record can never be taken, however often it is retried; the consumer moves it
 * to the dead-letter topic with this message as the reason. Any other exception means "not now": the record is
 * retried and nothing after it on its partition is skipped.
 */
public class InvalidFactException extends Exception {

    public InvalidFactException(String reason) {
        super(reason);
    }
}
