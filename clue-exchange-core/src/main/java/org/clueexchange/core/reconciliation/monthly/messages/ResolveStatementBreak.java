package org.clueexchange.core.reconciliation.monthly.messages;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clueexchange.core.reconciliation.monthly.statement.BreakCategory;

/** A reconciliation officer explains a break (差异说明); the statement's lines stay as issued. */
public record ResolveStatementBreak(@TargetAggregateIdentifier String statementId, String clueId,
                                    BreakCategory category, String note, String resolvedBy) {

    /** How many characters an explanation may hold. */
    public static final int NOTE = 2000;
}
