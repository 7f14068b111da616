package org.clueexchange.core.ledger.messages;

import org.clueexchange.core.ledger.FactKind;

/**
 * A fact an agency asserted about a clue, as its ledger entry recorded it. Whatever its kind, the entry keeps it the
 * same way, judges anomalies and time limits on it, and the ledger adds it to the clue's timeline.
 */
public interface FactRecorded {

    String clueId();

    Assertion assertion();

    FactKind factKind();

    /** The receiver a transfer names; none for any other kind of fact. */
    default AgencyId namedReceiver() {
        return null;
    }

    /** The sender's own case number the fact names: a transfer's, or the one a receipt names; none otherwise. */
    default String senderCaseNumber() {
        return null;
    }
}
