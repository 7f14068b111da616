package org.clueexchange.core.ledger.command;

/**
 * A fact the ledger entry will not record, however often it comes again: the intake dead-letters it with this message
 * as the reason. Nothing of it is recorded, so the rest of the batch it came in is recorded without it.
 */
public final class FactRefusedException extends RuntimeException {

    FactRefusedException(String reason) {
        super(reason);
    }
}
