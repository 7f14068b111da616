package org.clueexchange.core.ledger.messages;

import java.time.Instant;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.events.SupervisionKind;

/** 督办, 提级办理: an agency put the clue under supervision or escalated it. */
public record SupervisionRecorded(String clueId, Assertion assertion, SupervisionKind kind, AgencyId escalatedTo,
                                  Instant dueAt, String instructions) implements FactRecorded {

    @Override
    public FactKind factKind() {
        return FactKind.SUPERVISION_ORDERED;
    }
}
