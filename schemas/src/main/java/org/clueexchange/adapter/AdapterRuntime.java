package org.clueexchange.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.clueexchange.adapter.access.BearerTokenAuthentication;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.OutboxRelay;
import org.clueexchange.adapter.received.ReceivedFactIntake;
import org.clueexchange.adapter.received.ReceivedFacts;
import org.clueexchange.api.ApiProblems;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.KafkaSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What every agency adapter runs: the outbox and its relay to the agency's topic, the store of the other agency's
 * facts and the consumer that fills it, bearer-token authentication of the agency's systems, and the exchange's
 * error format. An adapter imports it and declares its {@link AdapterAgency}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdapterProperties.class)
@Import(ApiProblems.class)
public class AdapterRuntime {

    @Bean
    ClueEventCodec clueEventCodec() {
        return ClueEventCodec.create();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Outbox outbox(DataSource dataSource, ClueEventCodec codec) {
        return new Outbox(dataSource, codec);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    OutboxRelay outboxRelay(Outbox outbox, DataSource dataSource, AdapterProperties properties,
                            AdapterAgency agency, Clock clock) {
        String bootstrap = properties.kafka().bootstrapServers();
        String clientId = agency.type().name().toLowerCase() + "-adapter-outbox";
        return new OutboxRelay(outbox, dataSource,
                () -> new KafkaProducer<>(KafkaSettings.producer(bootstrap, clientId)), clock);
    }

    @Bean
    ReceivedFacts receivedFacts(DataSource dataSource, ClueEventCodec codec) {
        return new ReceivedFacts(dataSource, codec);
    }

    @Bean
    ReceivedFactIntake receivedFactIntake(AdapterProperties properties, AdapterAgency agency, ClueEventCodec codec,
                                          Outbox outbox, ReceivedFacts received, Clock clock) {
        return new ReceivedFactIntake(properties, agency, codec, outbox, received, clock);
    }

    @Bean
    AssertedFacts assertedFacts(Outbox outbox, Clock clock, ObjectMapper json) {
        return new AssertedFacts(outbox, clock, json);
    }

    @Bean
    FilterRegistrationBean<BearerTokenAuthentication> bearerTokenAuthentication(AdapterProperties properties) {
        FilterRegistrationBean<BearerTokenAuthentication> registration =
                new FilterRegistrationBean<>(new BearerTokenAuthentication(properties.clients()));
        registration.setUrlPatterns(List.of("/api/*"));
        return registration;
    }
}
