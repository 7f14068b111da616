package org.clueexchange.core.reconciliation.publication;

import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.clueexchange.core.CoreProperties;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.reconciliation.messages.StatementConfirmationRefused;
import org.clueexchange.core.reconciliation.messages.StatementConfirmed;
import org.clueexchange.events.Agency;
import org.clueexchange.events.ConfirmationOutcome;
import org.clueexchange.events.StatementConfirmationRecorded;
import org.clueexchange.subscription.KafkaSettings;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ExchangeTopics;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Tells the agencies what became of each confirmation of a statement, monthly or quarterly: for every confirmation the statement
 * recorded or refused, a {@link StatementConfirmationRecorded} on {@link ExchangeTopics#CORE_EVENTS}, keyed by the
 * statement id, which the confirming agency's adapter hands to its systems.
 *
 * <p>It runs on a tracking processor of its own over the event store. Each record is sent by an idempotent producer
 * and acknowledged by the broker before the processor's token moves past its event, so that every outcome is
 * published at least once: while the broker is away or refuses, the handler fails, the failure propagates
 * ({@code EventHandlingConfiguration}), and the processor keeps its token and tries the event again after a pause
 * that grows. A record is made of its event alone, its id and time included, so a retry or a replay publishes the
 * very same bytes, and a reader drops the repeat by its id.
 * One-off commands run without it ({@code clue-exchange.outcomes.enabled=false}): the serving core publishes.
 */
@Component
@ProcessingGroup(ConfirmationOutcomePublisher.GROUP)
@ConditionalOnProperty(name = "clue-exchange.outcomes.enabled", matchIfMissing = true)
public class ConfirmationOutcomePublisher implements DisposableBean {

    static final String GROUP = "confirmation-outcomes";

    private final Producer<String, byte[]> producer;
    private final ClueEventCodec codec = ClueEventCodec.create();

    public ConfirmationOutcomePublisher(CoreProperties properties) {
        this.producer = new KafkaProducer<>(KafkaSettings.producer(properties.kafka().bootstrapServers(),
                "clue-exchange-core-" + GROUP));
    }

    @EventHandler
    void on(StatementConfirmed event, @MessageIdentifier String eventId, @Timestamp Instant decidedAt)
            throws ExecutionException, InterruptedException, TimeoutException {
        send(confirmed(event, eventId, decidedAt));
    }

    @EventHandler
    void on(StatementConfirmationRefused event, @MessageIdentifier String eventId,
            @Timestamp Instant decidedAt) throws ExecutionException, InterruptedException, TimeoutException {
        send(refused(event, eventId, decidedAt));
    }

    static StatementConfirmationRecorded confirmed(StatementConfirmed event, String eventId,
                                                   Instant decidedAt) {
        return new StatementConfirmationRecorded(eventId, event.statementId(), ConfirmationOutcome.CONFIRMED,
                agency(event.assertion().assertedBy()), event.assertion().eventId(), event.digest(), null,
                event.revision(), event.digest(), decidedAt);
    }

    static StatementConfirmationRecorded refused(StatementConfirmationRefused event, String eventId,
                                                 Instant decidedAt) {
        return new StatementConfirmationRecorded(eventId, event.statementId(), ConfirmationOutcome.REFUSED,
                agency(event.assertion().assertedBy()), event.assertion().eventId(), event.digest(), event.reason(),
                event.revision(), event.statementDigest(), decidedAt);
    }

    private static Agency agency(AgencyId agency) {
        return new Agency(agency.type(), agency.jurisdiction());
    }

    /** Returns once the broker has the record: only then may the processor's token move past its event. */
    private void send(StatementConfirmationRecorded outcome)
            throws ExecutionException, InterruptedException, TimeoutException {
        producer.send(new ProducerRecord<>(ExchangeTopics.CORE_EVENTS, outcome.getStatementId(),
                codec.encode(outcome))).get(60, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        producer.close();
    }
}
