package org.clueexchange.core.reconciliation.messages;

/**
 * A break was explained with a note; a later note on the same break supersedes it. The category is kept by name, as
 * the events of monthly statements always stored it.
 */
public record StatementBreakResolved(String statementId, String clueId, String category, String note,
                                     String resolvedBy) {
}
