package org.clueexchange.core.reconciliation.statement;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.clueexchange.core.reconciliation.StatementPeriod;

/**
 * Which statement carries a fact that reached the ledger late (更正), for every cadence. A confirmed statement stands
 * for the ledger at the position its confirmed revision was drawn up at; a fact of its period positioned above it
 * belongs to the first later statement whose confirmed revision does not stand for it either: one not confirmed
 * yet, or confirmed as drawn up after the fact. So it is carried once, by one statement: for it to be
 * {@code statement}, every statement from its own period's to the one before {@code statement} was confirmed as
 * drawn up before the fact.
 */
public final class LateFacts {

    private LateFacts() {
    }

    /**
     * The confirmed statement the fact would have changed, if {@code statement} is the one that carries it.
     *
     * @param confirmed the ledger position each period's statement of the jurisdiction and cadence was drawn up at,
     *                  in the revision both agencies confirmed
     */
    public static Optional<StatementPeriod> amendedBy(StatementPeriod statement, Instant occurredAt, long position,
                                                      Map<StatementPeriod, Long> confirmed) {
        StatementPeriod own = StatementPeriod.containing(statement.jurisdiction(), statement.cadence(), occurredAt);
        Long stoodFor = confirmed.get(own);
        if (stoodFor == null || position <= stoodFor) {
            return Optional.empty();
        }
        StatementPeriod carrier = own.next();
        while (confirmed.containsKey(carrier) && confirmed.get(carrier) < position) {
            carrier = carrier.next();
        }
        return carrier.equals(statement) ? Optional.of(own) : Optional.empty();
    }
}
