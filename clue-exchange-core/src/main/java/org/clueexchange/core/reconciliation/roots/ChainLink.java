package org.clueexchange.core.reconciliation.roots;

import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.messages.PeriodRoot;

/**
 * One issued revision in its jurisdiction's and cadence's chain of roots, as the statements' table keeps it and the
 * archive carries it: what {@code verify} recomputes and what the agencies' confirmations must name.
 */
public record ChainLink(String statementId, int revision, String jurisdiction, Cadence cadence, String digest,
                        PeriodRoot periodRoot) {

    /** The chain the link belongs to: its jurisdiction and cadence. */
    public String chain() {
        return jurisdiction + "/" + cadence.name();
    }
}
