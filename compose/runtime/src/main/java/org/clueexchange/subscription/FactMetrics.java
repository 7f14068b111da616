package org.clueexchange.subscription;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an operator watches of a subscription, as Micrometer meters tagged with its consumer group: the facts its
 * handler applied, the records it moved to the dead-letter topic, and how far each consumer is behind the end of
 * its partitions.
 */
public final class FactMetrics {

    public static final String APPLIED = "clue.exchange.facts.applied";
    public static final String DEAD_LETTERED = "clue.exchange.facts.dead.lettered";
    public static final String LAG = "clue.exchange.consumer.lag";

    private final MeterRegistry registry;
    private final Tags tags;
    private final Counter applied;
    private final Counter deadLettered;

    public FactMetrics(MeterRegistry registry, String group) {
        this.registry = registry;
        this.tags = Tags.of("group", group);
        this.applied = Counter.builder(APPLIED).description("Facts the handler applied").tags(tags)
                .register(registry);
        this.deadLettered = Counter.builder(DEAD_LETTERED)
                .description("Records moved to the dead-letter topic with the reason").tags(tags).register(registry);
    }

    void applied(int facts) {
        applied.increment(facts);
    }

    void deadLettered() {
        deadLettered.increment();
    }

    /** Shows the lag one consumer of the group keeps up to date, until {@link #forget} is called with it. */
    Gauge lagOf(String consumer, AtomicLong lag) {
        return Gauge.builder(LAG, lag, AtomicLong::get)
                .description("Records not yet taken on the consumer's partitions")
                .tags(tags.and("consumer", consumer)).strongReference(true).register(registry);
    }

    /** A consumer closed: its lag is no longer anyone's, and a consumer started later under its name shows its own. */
    void forget(Gauge lag) {
        registry.remove(lag);
    }
}
