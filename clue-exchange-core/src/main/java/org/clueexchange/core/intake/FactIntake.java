package org.clueexchange.core.intake;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.clueexchange.core.CoreProperties;
import org.clueexchange.core.ledger.messages.RecordFact;
import org.clueexchange.core.reconciliation.monthly.messages.ConfirmMonthlyStatement;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.subscription.FactConsumer;
import org.clueexchange.subscription.FactSubscriber;
import org.clueexchange.subscription.FactSubscription;
import org.clueexchange.subscription.InvalidFactException;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Consumes both agencies' topics and records every fact on its clue's ledger entry, and every confirmation on its
 * monthly statement. A record's offset is committed only once the event store holds its effect, so a crash
 * redelivers it and the entry recognises it by its event id.
 * One-off commands run without it ({@code clue-exchange.intake.enabled=false}): the serving core consumes.
 */
@Component
@ConditionalOnProperty(name = "clue-exchange.intake.enabled", matchIfMissing = true)
public class FactIntake extends FactSubscriber {

    private final CommandGateway commands;

    public FactIntake(CommandGateway commands, CoreProperties properties, MeterRegistry meters) {
        super(settings(properties), ClueEventCodec.create(), meters);
        this.commands = commands;
    }

    private static FactSubscription.Settings settings(CoreProperties properties) {
        CoreProperties.Kafka kafka = properties.kafka();
        CoreProperties.Intake intake = properties.intake();
        return new FactSubscription.Settings(kafka.bootstrapServers(), kafka.partitions(), kafka.replicationFactor(),
                intake.groupId(), ExchangeTopics.AGENCY_TOPICS,
                intake.consumers(), intake.retryPause());
    }

    @Override
    public void handle(FactConsumer.ConsumedFact fact) throws InvalidFactException {
        AgencyType assertedBy = ClueEvents.envelopeOf(fact.event()).getAssertedBy().getType();
        if (!ExchangeTopics.of(assertedBy).equals(fact.topic())) {
            throw new InvalidFactException(ClueEvents.typeOf(fact.event()) + " asserted by " + assertedBy
                    + " arrived on " + fact.topic() + ": an agency publishes only on its own topic");
        }
        commands.sendAndWait(fact.event() instanceof StatementConfirmed confirmation
                ? ConfirmMonthlyStatement.of(confirmation) : new RecordFact(LedgerFacts.of(fact.event())));
    }
}
