package org.clueexchange.core.reconciliation.monthly;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A reconciliation officer explains a break (差异说明); the statement's lines stay as issued. */
public record ResolveStatementBreak(@TargetAggregateIdentifier String statementId, String clueId,
                                    BreakCategory category, String note, String resolvedBy) {
}
