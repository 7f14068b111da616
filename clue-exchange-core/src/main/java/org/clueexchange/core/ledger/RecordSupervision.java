package org.clueexchange.core.ledger;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.clueexchange.events.SupervisionKind;

/** Record on the ledger that an agency put the clue under supervision or escalated it (督办, 提级办理). */
public record RecordSupervision(@TargetAggregateIdentifier String clueId, Assertion assertion, SupervisionKind kind,
                                AgencyId escalatedTo, Instant dueAt, String instructions) {
}
