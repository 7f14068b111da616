package org.clueexchange.core.sla;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Axon deadlines kept in PostgreSQL by db-scheduler, so that a time limit survives restarts and any core instance
 * can fire it. Axon contributes the tasks and the deadline manager once a {@link Scheduler} exists; the scheduler
 * reads time from the application's {@link Clock}. It works on connections of the Spring transaction in progress, so
 * a deadline is scheduled in the same transaction as the events that set it, not on a connection of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaProperties.class)
class DeadlineScheduling {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock, SlaProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .clock(clock::instant)
                .pollingInterval(properties.pollingInterval())
                .threads(2)
                .build();
    }

    /**
     * Fires deadlines only once Axon runs (it handles them) and stops before Axon does. One-off commands run without
     * it ({@code clue-exchange.deadlines.enabled=false}): the serving core fires them.
     */
    @Bean
    @ConditionalOnProperty(name = "clue-exchange.deadlines.enabled", matchIfMissing = true)
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
