package org.clueexchange.core.reconciliation.monthly;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clueexchange.core.ledger.Assertion;

/** An agency, through its adapter, confirms the statement whose digest it names. */
public record ConfirmMonthlyStatement(@TargetAggregateIdentifier String statementId, Assertion assertion,
                                      String digest) {
}
