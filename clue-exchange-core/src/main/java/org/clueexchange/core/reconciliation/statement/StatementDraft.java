package org.clueexchange.core.reconciliation.statement;

/**
 * A statement as drawn up, before it is issued: what it says, and the ledger's position in the snapshot it was drawn
 * from. The position is not part of the text the agencies confirm: a fact anywhere else in the country moves the
 * ledger on without changing what this statement says.
 */
public record StatementDraft(StatementText content, long ledgerPosition) {
}
