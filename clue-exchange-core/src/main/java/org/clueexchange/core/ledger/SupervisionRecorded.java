package org.clueexchange.core.ledger;

import java.time.Instant;
import org.clueexchange.events.SupervisionKind;

public record SupervisionRecorded(String clueId, Assertion assertion, SupervisionKind kind, AgencyId escalatedTo,
                                  Instant dueAt, String instructions) {
}
