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
 */
public record Amendment(String clueId, FactKind fact, String label, AgencyId assertedBy, Instant occurredAt,
                        Instant recordedAt, long ledgerPosition, String confirmedStatementId) {
}
