package org.clueexchange.subscription;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;

/**
 * A Spring-managed {@link FactSubscription}: consumes while the application runs, stops with it. Subclasses say
 * what to do with each fact.
 *
 * <p>It prepares the topics as it is made, while the application starts, before any part of it runs: the relay of
 * an adapter's outbox and the core's publisher start only later, so no fact is written to a topic that could lose
 * it, and an application on such topics does not start at all.
 */
public abstract class FactSubscriber implements InitializingBean, SmartLifecycle, FactConsumer.FactHandler {

    private final FactSubscription.Settings settings;
    private final FactAdmission admission;
    private final MeterRegistry meters;
    private FactSubscription subscription;

    protected FactSubscriber(FactSubscription.Settings settings, FactAdmission admission, MeterRegistry meters) {
        this.settings = settings;
        this.admission = admission;
        this.meters = meters;
    }

    @Override
    public void afterPropertiesSet() {
        FactSubscription.prepareTopics(settings);
    }

    @Override
    public synchronized void start() {
        subscription = FactSubscription.start(settings, admission, this, meters);
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
