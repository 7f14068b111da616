package org.clueexchange.core.ledger.query;

import java.util.Map;
import org.springframework.dao.DataAccessException;

/**
 * The ledger's writes for some clues of a batch failed even when written clue by clue: the batch is taken back and
 * handled again, those clues' events one at a time.
 */
class LedgerWriteFailedException extends RuntimeException {

    LedgerWriteFailedException(Map<String, DataAccessException> failures) {
        super("The ledger could not write clues " + failures.keySet() + "; their events will be written one at a "
                + "time and any that fails again dead-lettered", failures.values().iterator().next());
        failures.values().stream().skip(1).forEach(this::addSuppressed);
    }
}
