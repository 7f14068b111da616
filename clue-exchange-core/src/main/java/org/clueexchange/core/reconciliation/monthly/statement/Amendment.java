package org.clueexchange.core.reconciliation.monthly.statement;

import java.time.Instant;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.messages.AgencyId;

/**
 * 更正: a fact that reached the ledger after the statement of the month it occurred in had been drawn up, in the
 * revision both agencies then confirmed. The confirmed statement stays as both agencies signed it; the next statement
 * carries the fact.
 *
 * @param ledgerPosition       where the fact stands on the ledger in commit order: above the confirmed revision's
 * @param confirmedStatementId the statement the fact would have changed
 * @param firstOfItsKind       whether its clue had no fact of its kind before this statement's month in last month's
 *                             confirmed statement: only then does it add the clue to a cumulative figure
 */
public record Amendment(String clueId, FactKind fact, String label, AgencyId assertedBy, Instant occurredAt,
                        Instant recordedAt, long ledgerPosition, String confirmedStatementId,
                        boolean firstOfItsKind) {
}
