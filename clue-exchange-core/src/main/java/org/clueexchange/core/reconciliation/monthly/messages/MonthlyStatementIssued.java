package org.clueexchange.core.reconciliation.monthly.messages;

/** A revision of a statement was issued; confirmations of earlier revisions no longer count. */
public record MonthlyStatementIssued(String statementId, String jurisdiction, String period, int revision,
                                     String digest, String content, String issuedBy) {
}
