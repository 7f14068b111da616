package org.clueexchange.core.reconciliation.messages;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A reconciliation officer explains a break (差异说明); the statement's lines stay as issued.
 *
 * @param clueId   the line the break is on: a clue on a monthly statement, whatever a quarterly one lists by
 * @param category the break's category by name, one the statement's cadence knows (monthly's {@code BreakCategory})
 */
public record ResolveStatementBreak(@TargetAggregateIdentifier String statementId, String clueId, String category,
                                    String note, String resolvedBy) {

    /** How many characters an explanation may hold. */
    public static final int NOTE = 2000;
}
