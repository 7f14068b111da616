package org.clueexchange.core.reconciliation.statement;

import java.util.List;
import java.util.Map;
import org.clueexchange.core.reconciliation.StatementPeriod;

/**
 * What the earlier statements of a jurisdiction and cadence decide for the next one.
 *
 * @param confirmed       the ledger position each earlier period's statement was drawn up at, in the revision both
 *                        agencies confirmed: which late facts are amendments, and which statement carries them,
 *                        depends on it
 * @param previousSummary the summary tables of the previous period's statement as both agencies confirmed it, or
 *                        null if they have not
 */
public record StatementHistory(Map<StatementPeriod, Long> confirmed, List<ReportTable> previousSummary) {

    public StatementHistory {
        confirmed = Map.copyOf(confirmed);
        previousSummary = previousSummary == null ? null : List.copyOf(previousSummary);
    }
}
