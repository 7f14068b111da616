package org.clueexchange.core.ledger;

import java.util.List;

/**
 * The counts of a period, per direction: clues by stage (TRANSFERRED, RECEIVED, ACCEPTED, RETURNED, CONCLUDED,
 * IN_PROGRESS), transfers by source, persons by outcome of the conclusions, and persons named by rank.
 */
public record LedgerTotals(List<Count> stages, List<Count> sources, List<Count> outcomes, List<Count> ranks) {

    /** {@code item}'s count in the period and cumulative to its end. */
    public record Count(Direction direction, String item, long period, long cumulative) {
    }
}
