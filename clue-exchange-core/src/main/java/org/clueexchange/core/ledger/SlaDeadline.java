package org.clueexchange.core.ledger;

import java.time.Instant;

/** The payload of a time limit's deadline: which clock, due when. */
public record SlaDeadline(SlaClock clock, Instant dueAt) {

    public static final String NAME = "sla";
}
