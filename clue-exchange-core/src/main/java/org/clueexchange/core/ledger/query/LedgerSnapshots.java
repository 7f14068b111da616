package org.clueexchange.core.ledger.query;

import java.time.Instant;
import java.util.function.LongFunction;
import org.clueexchange.persistence.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a statement of any cadence reads the ledger: in one REPEATABLE READ snapshot, with the position the ledger
 * stood at in it. Read apart, a batch committing in between would show a fact in one read and not in another, and no
 * position would say which.
 */
@Component
public class LedgerSnapshots {

    private final JdbcClient jdbc;
    private final TransactionTemplate committed;
    private final TransactionTemplate snapshot;

    public LedgerSnapshots(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.committed = new TransactionTemplate(transactions);
        committed.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /**
     * The reads {@code reads} makes, given the ledger's position, in one snapshot, for a statement of a period that
     * ends at {@code periodEnd}.
     */
    public <T> T read(Instant periodEnd, LongFunction<T> reads) {
        // Committed before the snapshot is taken, so that every fact the snapshot does not see, and that occurred
        // before the end, is positioned as one that came after a statement of its period.
        committed.executeWithoutResult(status -> jdbc.sql(
                "UPDATE ledger_position SET latest_period_end = greatest(latest_period_end, :end)")
                .param("end", Timestamps.of(periodEnd)).update());
        return snapshot.execute(status -> reads.apply(
                jdbc.sql("SELECT position FROM ledger_position").query(Long.class).single()));
    }
}
