package org.clueexchange.core.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.clueexchange.core.CoreProperties;
import org.clueexchange.core.casefile.messages.RecordCaseFact;
import org.clueexchange.core.ledger.command.FactRefusedException;
import org.clueexchange.core.ledger.command.LedgerEntries;
import org.clueexchange.core.ledger.command.SlaPolicy;
import org.clueexchange.core.ledger.messages.FactRecorded;
import org.clueexchange.core.reconciliation.messages.ConfirmStatement;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.subscription.FactAdmission;
import org.clueexchange.subscription.FactConsumer;
import org.clueexchange.subscription.FactSubscriber;
import org.clueexchange.subscription.FactSubscription;
import org.clueexchange.subscription.InvalidFactException;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Consumes both agencies' topics and records every fact on its clue's ledger entry, every fact about a gang case on
 * the case's file, and every confirmation on its statement, monthly or quarterly. Each poll's facts are recorded in
 * one unit of work and one transaction; its offsets are committed only once the event store holds their effect, so a
 * crash redelivers them and each entry and case file recognises the facts it holds by their event ids.
 * One-off commands run without it ({@code clue-exchange.intake.enabled=false}): the serving core consumes.
 */
@Component
@ConditionalOnProperty(name = "clue-exchange.intake.enabled", matchIfMissing = true)
public class FactIntake extends FactSubscriber {

    private final LedgerEntries entries;
    private final CommandGateway commands;
    private final TransactionManager transactions;

    public FactIntake(EventStore eventStore, DeadlineManager deadlines, SlaPolicy sla, Clock clock,
                      CommandGateway commands, TransactionManager transactions, CoreProperties properties,
                      FactAdmission admission, MeterRegistry meters) {
        super(settings(properties), admission, meters);
        this.entries = new LedgerEntries(eventStore, deadlines, sla, clock, properties.intake().cachedEntries());
        this.commands = commands;
        this.transactions = transactions;
    }

    private static FactSubscription.Settings settings(CoreProperties properties) {
        CoreProperties.Kafka kafka = properties.kafka();
        CoreProperties.Intake intake = properties.intake();
        return new FactSubscription.Settings(kafka.bootstrapServers(), kafka.partitions(), kafka.replicationFactor(),
                intake.groupId(), ExchangeTopics.AGENCY_TOPICS,
                intake.consumers() > 0 ? intake.consumers() : kafka.partitions(), intake.retryPause());
    }

    @Override
    public void handle(List<FactConsumer.ConsumedFact> facts) throws InvalidFactException {
        List<FactRecorded> ledgerFacts = new ArrayList<>(facts.size());
        List<ConfirmStatement> confirmations = new ArrayList<>();
        List<RecordCaseFact> caseFacts = new ArrayList<>();
        for (FactConsumer.ConsumedFact fact : facts) {
            Optional<String> misplaced = ExchangeTopics.misplaced(fact.event(), fact.topic());
            if (misplaced.isPresent()) {
                throw new InvalidFactException(misplaced.get());
            }
            if (fact.event() instanceof StatementConfirmed confirmation) {
                confirmations.add(ConfirmStatement.of(confirmation));
            } else if (ClueEvents.isCaseFact(fact.event())) {
                caseFacts.add(new RecordCaseFact(CaseFacts.of(fact.event())));
            } else {
                ledgerFacts.add(LedgerFacts.of(fact.event()));
            }
        }
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            confirmations.forEach(commands::sendAndWait);
            caseFacts.forEach(commands::sendAndWait);
            entries.record(ledgerFacts);
        } catch (FactRefusedException e) {
            unitOfWork.rollback(e);
            throw new InvalidFactException(e.getMessage());
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }
}
