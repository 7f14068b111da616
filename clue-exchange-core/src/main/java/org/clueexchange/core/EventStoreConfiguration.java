package org.clueexchange.core;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store as the core's processors read it. Its reader fetches new events 20 ms after finding none (Axon's
 * default is a second) and at once when this node commits some; the ledger reads them through a
 * {@link TailingEventSource}, which tells its processor the moment they arrive.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /** The name the ledger's processor takes its events from ({@code axon.eventhandling.processors.*.source}). */
    static final String TAILING_SOURCE = "tailingEventSource";

    /** PostgreSQL's SQLSTATE for a duplicate key. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Axon's own engine, as Axon would configure it, but reading up to 500 events per query instead of 100, and
     * telling a duplicate sequence number by PostgreSQL's error code, so that a conflict reads as one.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon,
                                          ConnectionProvider connections, TransactionManager transactions) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(EventStoreConfiguration::isUniqueViolation)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(new EventSchema())
                .batchSize(500)
                .build();
    }

    private static boolean isUniqueViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(20)
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    @Bean(name = TAILING_SOURCE, destroyMethod = "close")
    TailingEventSource tailingEventSource(EmbeddedEventStore eventStore) {
        return new TailingEventSource(eventStore);
    }
}
