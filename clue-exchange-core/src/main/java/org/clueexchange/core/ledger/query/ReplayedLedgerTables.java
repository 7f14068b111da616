package org.clueexchange.core.ledger.query;

import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The transfer ledger's tables in a database other than the live core's (a replay's schema), written by the live
 * projection itself: its handlers are fed batches of events as its processor would feed them, each batch one unit
 * of work and one transaction, so a replayed row is made by the same code as a live one.
 */
public final class ReplayedLedgerTables {

    private final AnnotationEventHandlerAdapter projection;
    private final TransactionManager transactions;

    public ReplayedLedgerTables(DataSource dataSource) {
        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        this.projection = new AnnotationEventHandlerAdapter(
                new TransferLedgerProjection(new NamedParameterJdbcTemplate(dataSource), transactionManager));
        this.transactions = new SpringTransactionManager(transactionManager);
    }

    /** Writes the events, in their order, in one transaction. */
    public void write(List<? extends EventMessage<?>> events) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            for (EventMessage<?> event : events) {
                projection.handle(event);
            }
        } catch (Exception e) {
            unitOfWork.rollback(e);
            throw e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("the replayed ledger could not take an event", e);
        }
        unitOfWork.commit();
    }
}
