package org.clueexchange.wire;

/** The bytes are not a clue event of any version this contract has shipped; the message says why. */
public class UndecodableEventException extends Exception {

    public UndecodableEventException(String reason) {
        super(reason);
    }

    public UndecodableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
