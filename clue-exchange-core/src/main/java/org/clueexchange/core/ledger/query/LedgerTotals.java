package org.clueexchange.core.ledger.query;

import java.util.List;
import org.clueexchange.core.ledger.Direction;

/**
 * The counts of a period, per direction: clues by {@link Stage}, transfers by source, persons by outcome of the
 * conclusions, and persons named by rank.
 */
public record LedgerTotals(List<Count> stages, List<Count> sources, List<Count> outcomes, List<Count> ranks) {

    /** The stages clues are counted by: when each shown fact occurred, and which clues stayed open after acceptance. */
    public enum Stage {
        TRANSFERRED, RECEIVED, ACCEPTED, RETURNED, CONCLUDED,
        /**
         * 在办: accepted, and neither concluded nor returned, by the period's end. Not the ledger state
         * {@code IN_PROGRESS} (处置中), which means that a disposal was decided or progress reported.
         */
        OPEN_AFTER_ACCEPTANCE
    }

    /** {@code item}'s count in the period and cumulative to its end. */
    public record Count(Direction direction, String item, long period, long cumulative) {
    }
}
