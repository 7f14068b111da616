package org.clueexchange.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.access.AuthenticatedCallers;
import org.clueexchange.adapter.access.BearerTokenAuthentication;
import org.clueexchange.adapter.access.Operator;
import org.clueexchange.adapter.cases.KnownGangCases;
import org.clueexchange.adapter.clues.KnownClues;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.adapter.delivery.Deliveries;
import org.clueexchange.adapter.delivery.DeliveryFeed;
import org.clueexchange.adapter.delivery.DeliveryState;
import org.clueexchange.adapter.delivery.WebhookDispatcher;
import org.clueexchange.adapter.operator.OperatorController;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.OutboxRelay;
import org.clueexchange.adapter.received.ReceivedFactIntake;
import org.clueexchange.adapter.received.ReceivedFacts;
import org.clueexchange.adapter.statements.StatementConfirmations;
import org.clueexchange.api.ApiDescription;
import org.clueexchange.api.ExchangeApi;
import org.clueexchange.api.FreeText;
import org.clueexchange.api.IdNumber;
import org.clueexchange.api.OfficerId;
import org.clueexchange.api.ShortText;
import org.clueexchange.events.AgencyType;
import org.clueexchange.subscription.FactAdmission;
import org.clueexchange.subscription.KafkaSettings;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventValidator;
import org.clueexchange.wire.PersonKeys;
import org.clueexchange.wire.TimeBounds;
import org.clueexchange.wire.origin.AgencyKey;
import org.clueexchange.wire.origin.AgencyKeys;
import org.clueexchange.wire.origin.OriginSigner;
import org.clueexchange.wire.origin.OriginVerifier;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every agency adapter runs beneath its API: the outbox and its relay to the agency's topic, the store of the
 * other agency's facts and the consumer that fills it, their delivery to the agency's systems, bearer-token
 * authentication of those systems and of the adapter's operators, the operators' endpoints, the contract's validator
 * on the adapter's clock, and the exchange's limit on request bodies and error format. An adapter imports it,
 * declares its {@link AdapterAgency} and serves its own API with the services here; a controller method that takes
 * an {@link AgencyClient} parameter gets the client that called it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdapterProperties.class)
@Import({ExchangeApi.class, OperatorController.class})
@ComponentScan(basePackageClasses = {Outbox.class, ReceivedFacts.class, DeliveryFeed.class, KnownClues.class,
        StatementConfirmations.class, KnownGangCases.class})
public class AdapterRuntime implements WebMvcConfigurer {

    public static final String OUTBOX_BACKLOG = "clue.exchange.outbox.backlog";
    public static final String OUTBOX_PARKED = "clue.exchange.outbox.parked";
    public static final String DELIVERIES = "clue.exchange.deliveries";

    @Bean
    ClueEventCodec clueEventCodec() {
        return ClueEventCodec.create();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Which instants the adapter lets a fact name, on its clock: in requests, and in the other agency's facts. */
    @Bean
    TimeBounds timeBounds(Clock clock, AdapterProperties properties) {
        return new TimeBounds(clock, properties.clockSkew());
    }

    /** The person keys of the exchange's secret: the one way an adapter names a person by their ID number. */
    @Bean
    PersonKeys personKeys(AdapterProperties properties) {
        return properties.personKeys();
    }

    @Bean
    ClueEventValidator clueEventValidator(TimeBounds timeBounds) {
        return new ClueEventValidator(timeBounds);
    }

    /** The agencies' keys this adapter trusts: it verifies every fact it reads with them. */
    @Bean
    OriginVerifier originVerifier(AdapterProperties properties) {
        return new OriginVerifier(properties.trustedKeys());
    }

    /**
     * The adapter's own agency's key. One that every reader would refuse (not in the agency keys file, another
     * agency's, a private key not of the public key listed) stops the adapter: otherwise every fact it published
     * would be dead-lettered.
     */
    @Bean
    OriginSigner originSigner(AdapterProperties properties, AdapterAgency agency) {
        OriginSigner signer = properties.signing().signer();
        AgencyKeys trusted = properties.trustedKeys();
        String setting = "adapter.signing.key-id: key " + signer.keyId();
        AgencyKey key = trusted.find(signer.keyId()).orElseThrow(() -> new IllegalArgumentException(setting
                + " is not in the agency keys file (adapter.agency-keys)"));
        if (key.agency() != agency.type()) {
            throw new IllegalArgumentException(setting + " belongs to " + key.agency() + ", not to this "
                    + agency.type() + " adapter");
        }
        if (!signer.signsFor(key.publicKey())) {
            throw new IllegalArgumentException("adapter.signing.private-key: is not the private key of "
                    + signer.keyId() + " as the agency keys file lists it");
        }
        return signer;
    }

    @Bean
    OutboxRelay outboxRelay(Outbox outbox, JdbcClient jdbc, DataSource dataSource, AdapterProperties properties,
                            AdapterAgency agency, OriginSigner signer, Clock clock) {
        String bootstrap = properties.kafka().bootstrapServers();
        String clientId = agency.type().name().toLowerCase() + "-adapter-outbox";
        return new OutboxRelay(outbox, jdbc, dataSource,
                () -> new KafkaProducer<>(KafkaSettings.producer(bootstrap, clientId)), signer, clock);
    }

    @Bean
    Deliveries deliveries(JdbcClient jdbc, AdapterProperties properties) {
        return new Deliveries(jdbc, properties.clients());
    }

    @Bean
    ReceivedFactIntake receivedFactIntake(AdapterProperties properties, AdapterAgency agency, ClueEventCodec codec,
                                          ClueEventValidator validator, OriginVerifier verifier, Outbox outbox,
                                          ReceivedFacts received, Deliveries deliveries, Clock clock,
                                          MeterRegistry meters, PlatformTransactionManager transactions) {
        return new ReceivedFactIntake(properties, agency, new FactAdmission(codec, validator, verifier), outbox,
                received, deliveries, clock, meters, transactions);
    }

    /**
     * What an operator watches of the adapter's own stores: the facts accepted that Kafka has not acknowledged yet,
     * those of them Kafka refused for good, and the pushes to agency systems still retrying, failed for good, or
     * held for a client no longer configured.
     */
    @Bean
    MeterBinder adapterBacklogs(Outbox outbox, Deliveries deliveries) {
        return meters -> {
            Gauge.builder(OUTBOX_BACKLOG, outbox, Outbox::unpublished)
                    .description("Facts accepted from agency systems and not yet acknowledged by Kafka")
                    .register(meters);
            Gauge.builder(OUTBOX_PARKED, outbox, Outbox::parkedCount)
                    .description("Facts Kafka refused for good, waiting for an operator to put them back in line")
                    .register(meters);
            for (DeliveryState state : List.of(DeliveryState.RETRYING, DeliveryState.FAILED, DeliveryState.HELD)) {
                Gauge.builder(DELIVERIES, deliveries, stored -> stored.count(state)).tag("state", state.name())
                        .description("Pushes to agency systems' webhooks in this state").register(meters);
            }
        };
    }

    @Bean
    WebhookDispatcher webhookDispatcher(Deliveries deliveries, ReceivedFacts received, AdapterProperties properties,
                                        DataSource dataSource, Clock clock, ObjectMapper json) {
        return new WebhookDispatcher(deliveries, received, properties.delivery(), dataSource, clock, json);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AuthenticatedCallers());
    }

    /**
     * The adapter's API description, served at /v3/api-docs: every path under /api needs a bearer token, which
     * stands for the calling client, so the client is no parameter an agency system passes.
     */
    @Bean
    OpenAPI adapterApi(AdapterAgency agency) {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AgencyClient.class);
        String title = agency.type() == AgencyType.POLICE ? "Police adapter 政法机关接口" : "Discipline adapter 纪委监委接口";
        return ApiDescription.of(new Info().title(title).version("v1").description("The "
                + agency.type().name().toLowerCase() + " side of the clue exchange (线索双向移送): transfer clues, "
                + "handle the clues transferred to you, and receive the other agency's facts by feed or webhook."));
    }

    /**
     * The API description shows each text's limit as its {@code maxLength}, which the exchange's text constraints
     * carry, on a field or inside a constraint made of them ({@link OfficerId}), and an ID number's length.
     */
    @Bean
    PropertyCustomizer textLimits() {
        return (property, type) -> {
            for (Annotation annotation : type.getCtxAnnotations() == null ? new Annotation[0]
                    : type.getCtxAnnotations()) {
                Stream.of(annotation, annotation.annotationType().getAnnotation(ShortText.class))
                        .forEach(constraint -> {
                            if (constraint instanceof IdNumber) {
                                property.setMinLength(IdNumber.LENGTH);
                                property.setMaxLength(IdNumber.LENGTH);
                            } else if (constraint instanceof ShortText text) {
                                property.setMaxLength(text.max());
                            } else if (constraint instanceof FreeText text) {
                                property.setMaxLength(text.max());
                            }
                        });
            }
            return property;
        };
    }

    /**
     * The API description says of every request that asserts a fact what a retry of it is answered, which the
     * answer's status alone does not tell.
     */
    @Bean
    GlobalOperationCustomizer retriesAnswered() {
        return (operation, handler) -> Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class)
                        && (Requests.Act.class.isAssignableFrom(parameter.getParameterType())
                        || Requests.Transfer.class.isAssignableFrom(parameter.getParameterType())))
                ? operation.description("A retry with the same recordId and the same body gets the first answer "
                        + "again, with the same status (replay: true in an answer that has it), and asserts nothing "
                        + "twice; the same recordId with another body is refused with 422 (record-id-reused).")
                : operation;
    }

    @Bean
    FilterRegistrationBean<BearerTokenAuthentication<AgencyClient>> clientAuthentication(
            AdapterProperties properties, ObjectMapper json) {
        FilterRegistrationBean<BearerTokenAuthentication<AgencyClient>> registration =
                new FilterRegistrationBean<>(BearerTokenAuthentication.ofClients(properties.clients(), json));
        registration.setUrlPatterns(List.of("/api/*"));
        return registration;
    }

    @Bean
    FilterRegistrationBean<BearerTokenAuthentication<Operator>> operatorAuthentication(
            AdapterProperties properties, ObjectMapper json) {
        FilterRegistrationBean<BearerTokenAuthentication<Operator>> registration =
                new FilterRegistrationBean<>(BearerTokenAuthentication.ofOperators(properties.operators(), json));
        registration.setUrlPatterns(List.of("/operator/*"));
        return registration;
    }
}
