package org.clueexchange.adapter;

import java.time.Clock;
import java.util.List;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.received.ReceivedFactIntake;
import org.clueexchange.adapter.received.ReceivedFacts;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.FactSubscription;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Keeps the adapter consuming the other agency's topic into its {@link ReceivedFacts}. */
@Component
class ExchangeConnection implements SmartLifecycle {

    private final FactSubscription.Settings settings;
    private final ClueEventCodec codec;
    private final ReceivedFactIntake intake;
    private FactSubscription subscription;

    ExchangeConnection(AdapterProperties properties, AdapterAgency agency, ClueEventCodec codec, Outbox outbox,
                       ReceivedFacts received, Clock clock) {
        if (properties.jurisdictions().isEmpty()) {
            throw new IllegalStateException("adapter.jurisdictions is empty: the adapter serves no jurisdiction");
        }
        AdapterProperties.Kafka kafka = properties.kafka();
        String group = kafka.groupId() != null ? kafka.groupId()
                : agency.type().name().toLowerCase() + "-adapter-" + String.join("-", properties.jurisdictions());
        this.settings = new FactSubscription.Settings(kafka.bootstrapServers(), kafka.partitions(),
                kafka.replicationFactor(), group, List.of(ExchangeTopics.of(agency.counterpart())), 1,
                kafka.retryPause());
        this.codec = codec;
        this.intake = new ReceivedFactIntake(agency.type(), properties.jurisdictions(), outbox, received, clock);
    }

    @Override
    public synchronized void start() {
        subscription = FactSubscription.start(settings, codec, intake);
    }

    @Override
    public synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return subscription != null;
    }
}
