package org.clueexchange.core;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.deadletter.Decisions;
import org.clueexchange.core.deadletter.ValuelessFailure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the core's event handlers fail: loudly. Axon's default logs a handler's failure and goes on to the next
 * event, which would leave a read model without the event and nobody the wiser. Propagated, the failure reaches the
 * dead-letter queue of a streaming processor, or the command whose events a subscribing processor handles. A dead
 * letter keeps its failure without the values it quotes, since operators read the queue.
 */
@Configuration(proxyBeanMethods = false)
class EventHandlingConfiguration {

    @Bean
    ConfigurerModule handlerFailuresPropagate() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
                .registerDefaultDeadLetterPolicy(configuration -> (letter, cause) ->
                        Decisions.enqueue(ValuelessFailure.of(cause)));
    }
}
