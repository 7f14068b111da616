package org.clueexchange.core.reconciliation.statement;

import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.StatementPeriod;

/**
 * Draws up the statements of one cadence. One bean per cadence: issuing, confirming, notes on breaks, the formats and
 * the API are the same for every cadence, and a cadence without a drafter has no statements.
 */
public interface StatementDrafter {

    Cadence cadence();

    /** The type the stored text of this cadence's statements is read back as. */
    Class<? extends StatementText> contentType();

    /** The period's statement from the ledger as it stands, given what the earlier statements decided. */
    StatementDraft draw(StatementPeriod period, StatementHistory history, StatementProgress progress);
}
