package org.clueexchange.core.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.clueexchange.core.CoreProperties;
import org.clueexchange.events.AgencyType;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.DeadLetters;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.FactConsumer;
import org.clueexchange.wire.InvalidFactException;
import org.clueexchange.wire.KafkaSettings;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Consumes both agencies' topics and records every fact on its clue's ledger entry. A record's offset is committed
 * only once the event store holds its effect, so a crash redelivers it and the entry recognises it by its event id.
 */
@Component
public class FactIntake implements SmartLifecycle {

    private final CommandGateway commands;
    private final CoreProperties.Kafka kafka;
    private final CoreProperties.Intake settings;
    private final ClueEventCodec codec = ClueEventCodec.create();
    private final List<FactConsumer> consumers = new ArrayList<>();
    private Producer<String, byte[]> deadLetterProducer;

    public FactIntake(CommandGateway commands, CoreProperties properties) {
        this.commands = commands;
        this.kafka = properties.kafka();
        this.settings = properties.intake();
    }

    @Override
    public synchronized void start() {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            ExchangeTopics.ensureExist(admin, kafka.partitions(), kafka.replicationFactor());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot prepare the exchange's topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the exchange's topics", e);
        }
        String group = settings.groupId();
        deadLetterProducer = new KafkaProducer<>(KafkaSettings.producer(kafka.bootstrapServers(), group + "-dlt"));
        DeadLetters deadLetters = new DeadLetters(deadLetterProducer, group);
        for (int i = 0; i < settings.consumers(); i++) {
            String name = group + "-intake-" + i;
            FactConsumer consumer = new FactConsumer(name,
                    new KafkaConsumer<>(KafkaSettings.consumer(kafka.bootstrapServers(), group, name)),
                    List.of(ExchangeTopics.POLICE_EVENTS, ExchangeTopics.DISCIPLINE_EVENTS), codec, deadLetters,
                    this::record, settings.retryPause());
            consumers.add(consumer);
            consumer.start();
        }
    }

    private void record(FactConsumer.ConsumedFact fact) throws InvalidFactException {
        AgencyType assertedBy = ClueEvents.envelopeOf(fact.event()).getAssertedBy().getType();
        if (!ExchangeTopics.of(assertedBy).equals(fact.topic())) {
            throw new InvalidFactException(ClueEvents.typeOf(fact.event()) + " asserted by " + assertedBy
                    + " arrived on " + fact.topic() + ": an agency publishes only on its own topic");
        }
        commands.sendAndWait(LedgerCommands.of(fact.event()));
    }

    /** Facts recorded since start, for the operators' view and the tests. */
    public long applied() {
        return consumers.stream().mapToLong(FactConsumer::applied).sum();
    }

    public long deadLettered() {
        return consumers.stream().mapToLong(FactConsumer::deadLettered).sum();
    }

    @Override
    public synchronized void stop() {
        for (FactConsumer consumer : consumers) {
            try {
                consumer.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumers.clear();
        if (deadLetterProducer != null) {
            deadLetterProducer.close();
            deadLetterProducer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return !consumers.isEmpty();
    }
}
