package org.clueexchange.core.reconciliation.messages;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.events.StatementConfirmed;

/**
 * An agency, through its adapter, confirms the statement whose digest and period root it names, of either cadence.
 *
 * @param root empty in a confirmation written before confirmations named roots
 */
public record ConfirmStatement(@TargetAggregateIdentifier String statementId, Assertion assertion, String digest,
                               String root) {

    public static ConfirmStatement of(StatementConfirmed confirmation) {
        return new ConfirmStatement(confirmation.getStatementId(), Assertion.of(confirmation.getEnvelope()),
                confirmation.getDigest(), confirmation.getRoot());
    }
}
