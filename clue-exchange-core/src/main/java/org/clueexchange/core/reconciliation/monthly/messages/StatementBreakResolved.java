package org.clueexchange.core.reconciliation.monthly.messages;

import org.clueexchange.core.reconciliation.monthly.statement.BreakCategory;

/** A break was explained with a note; a later note on the same break supersedes it. */
public record StatementBreakResolved(String statementId, String clueId, BreakCategory category, String note,
                                     String resolvedBy) {
}
