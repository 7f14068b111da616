package org.clueexchange.core.ledger.messages;

import org.clueexchange.events.Outcome;

/** How many people one outcome of a conclusion or feedback concerned. */
public record OutcomeTally(Outcome outcome, int persons) {
}
