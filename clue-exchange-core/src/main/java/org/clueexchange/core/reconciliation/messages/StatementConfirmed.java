package org.clueexchange.core.reconciliation.messages;

import org.clueexchange.core.ledger.messages.Assertion;


/** One agency confirmed the revision with this digest; with both agencies' confirmations it never changes. */
public record StatementConfirmed(String statementId, int revision, String digest, Assertion assertion) {
}
