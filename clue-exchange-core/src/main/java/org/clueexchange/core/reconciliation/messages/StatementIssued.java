package org.clueexchange.core.reconciliation.messages;

/**
 * A revision of a statement was issued; confirmations of earlier revisions no longer count.
 *
 * @param ledgerPosition the ledger's position in the snapshot the revision was drawn up from: the revision stands
 *                       for the facts up to it. Revisions issued before the ledger had positions were stored
 *                       without one and read as null; the statements' table, to which migration V11 gave each of
 *                       them the position of the last fact recorded by its issue, holds theirs.
 * @param periodRoot     the revision's root over the topics, which the agencies confirm with its digest; none in
 *                       revisions issued before statements had roots
 */
public record StatementIssued(String statementId, String jurisdiction, String period, int revision,
                              String digest, String content, String issuedBy, Long ledgerPosition,
                              PeriodRoot periodRoot) {
}
