package org.clueexchange.core.reconciliation.messages;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issue the statement drawn up from the ledger as it stands.
 *
 * @param content        the statement as JSON, the exact text {@code digest} is the SHA-256 of
 * @param ledgerPosition the ledger's position in the snapshot the statement was drawn up from
 * @param periodRoot     the root over the topics' facts of the jurisdiction since the previous issue
 */
public record IssueStatement(@TargetAggregateIdentifier String statementId, String jurisdiction,
                             String period, String digest, String content, String issuedBy,
                             long ledgerPosition, PeriodRoot periodRoot) {
}
