package org.clueexchange.core.ledger.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.clueexchange.core.deadletter.ValuelessFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live ledger tables' writes, in the transaction of the event processor's batch: its token moves in the same
 * transaction, so each event is applied exactly once.
 */
@Component
class CommittedLedgerWrites implements LedgerWrites {

    private static final Logger log = LoggerFactory.getLogger(CommittedLedgerWrites.class);

    private final NamedParameterJdbcTemplate jdbc;
    /** Writes in a savepoint of the processor's transaction, so that a failed write can be taken back alone. */
    private final TransactionTemplate savepoint;
    /**
     * Clues whose writes failed in a batch, written event by event in the batch's next attempt. Each clue belongs to
     * one segment and so to one thread at a time; the set is shared by the segments.
     */
    private final Set<String> writtenAlone = ConcurrentHashMap.newKeySet();

    CommittedLedgerWrites(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Adds an event's writes to the batch of events being handled, sent once the batch commits; or writes them at
     * once, if the clue's writes failed in an earlier batch. Written at once, a failure is this event's own: Axon's
     * dead-letter queue takes the event, and with it every later event of the clue, and the rest of the batch goes
     * on.
     */
    @Override
    public void add(String clueId, LedgerBatch event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        if (writtenAlone.contains(clueId)) {
            savepoint.executeWithoutResult(status -> event.write(jdbc));
            // Committed, the batch has written or dead-lettered each of the clue's events: later ones may join batches.
            unitOfWork.afterCommit(committed -> writtenAlone.remove(clueId));
            return;
        }
        unitOfWork.getOrComputeResource(LedgerBatch.class.getName(), key -> {
            LedgerBatch batch = new LedgerBatch();
            unitOfWork.onPrepareCommit(committing -> write(batch));
            return batch;
        }).add(event);
    }

    @Override
    public void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE transfer_ledger CASCADE");
    }

    /**
     * Writes a batch whole or, if that fails, clue by clue: a failure that does not recur (a lost connection, a
     * deadlock) costs nothing, and one that does is narrowed to its clues. Their writes are then taken back with
     * the whole batch, which fails, so that the processor handles it again with those clues' events written one by
     * one and the one that fails is dead-lettered. Nothing is skipped.
     */
    private void write(LedgerBatch batch) {
        try {
            savepoint.executeWithoutResult(status -> batch.write(jdbc));
            return;
        } catch (DataAccessException whole) {
            log.warn("A ledger batch failed ({}); writing its clues one by one",
                    ValuelessFailure.of(whole).getMessage());
        }
        Map<String, DataAccessException> failed = new LinkedHashMap<>();
        for (String clueId : batch.clueIds()) {
            try {
                savepoint.executeWithoutResult(status -> batch.of(clueId).write(jdbc));
            } catch (DataAccessException e) {
                failed.put(clueId, e);
            }
        }
        if (!failed.isEmpty()) {
            writtenAlone.addAll(failed.keySet());
            throw new LedgerWriteFailedException(failed);
        }
    }
}
