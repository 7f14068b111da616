package org.clueexchange.core.ledger.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

/**
 * The transfer ledger's tables for a database other than the live core's (a replay's schema), made by the live
 * projection itself: its handlers make each event's rows as they make a live one's, into a ledger held in memory
 * ({@link LedgerRows}), which is then copied into the schema's empty tables at once.
 */
public final class ReplayedLedgerTables {

    private final LedgerRows rows = new LedgerRows();
    private final AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(
            new TransferLedgerProjection(new LedgerWrites() {
                @Override
                public void add(String clueId, LedgerBatch writes) {
                    writes.applyTo(rows);
                }

                @Override
                public void reset() {
                    throw new UnsupportedOperationException("a replayed ledger is made once, from the first event");
                }
            }));

    /** Applies the events, in their order. */
    public void add(List<? extends EventMessage<?>> events) {
        try {
            for (EventMessage<?> event : events) {
                projection.handle(event);
            }
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("the replayed ledger could not take an event", e);
        }
    }

    /** How many clues' rows there are. */
    public int clues() {
        return rows.clues();
    }

    /** Writes every row into the empty ledger tables of {@code target}, in one transaction. */
    public void copyInto(DataSource target) {
        try (Connection connection = target.getConnection()) {
            rows.copyInto(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the replayed ledger could not be written", e);
        }
    }
}
