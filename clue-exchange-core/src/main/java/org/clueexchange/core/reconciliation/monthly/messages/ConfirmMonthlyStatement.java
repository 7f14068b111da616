package org.clueexchange.core.reconciliation.monthly.messages;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.events.StatementConfirmed;

/** An agency, through its adapter, confirms the statement whose digest it names. */
public record ConfirmMonthlyStatement(@TargetAggregateIdentifier String statementId, Assertion assertion,
                                      String digest) {

    public static ConfirmMonthlyStatement of(StatementConfirmed confirmation) {
        return new ConfirmMonthlyStatement(confirmation.getStatementId(), Assertion.of(confirmation.getEnvelope()),
                confirmation.getDigest());
    }
}
