package org.clueexchange.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.config.TopicConfig;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.RequestKey;
import org.clueexchange.events.AgencyType;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.ChangedTopic;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An adapter does not run on an agency topic that could lose facts, neither the one it publishes on nor the one it
 * reads: one that keeps them the broker's default seven days, or compacts them. It says which topic and which setting,
 * what it is and what it must be, before it has published anything its outbox holds.
 */
class LossyTopicsIT {

    private static final String CLIENT = "zhaotong-case-system";
    private static final String TOKEN = UUID.randomUUID().toString();

    private static String bootstrap;
    private static Database database;

    @BeforeAll
    static void topicsAsTheExchangeCreatesThem() {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        bootstrap = infrastructure.kafka().bootstrapServers();
        database = infrastructure.postgres().createDatabase("police_lossy_topics");
        new AgencyTopics(bootstrap).close();
    }

    private static Map<String, String> settings(ExchangeInfrastructure infrastructure) {
        return AdapterSettings.serving(AgencyType.POLICE, "530600", infrastructure).client(CLIENT, TOKEN, "530600").asMap();
    }

    private static void startAdapter() {
        AdapterUnderTest.start(PoliceAdapter.class, database, LossyTopicsIT::settings).close();
    }

    @Test
    void anAdapterRefusesToRunOnItsAgencysTopicThatDeletesFactsAfterSevenDays() throws Exception {
        ChangedTopic sevenDays = ChangedTopic.change(bootstrap, ExchangeTopics.POLICE_EVENTS,
                Map.of(TopicConfig.RETENTION_MS_CONFIG, "604800000"));
        try {
            assertThatThrownBy(LossyTopicsIT::startAdapter).rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("clue.police.events: retention.ms is 604800000 (7 days): facts older "
                            + "than that would be deleted; it must be -1");
        } finally {
            sevenDays.close();
        }
    }

    @Test
    void anAdapterRefusesToRunOnACompactedTopicOfTheOtherAgency() throws Exception {
        ChangedTopic compacted = ChangedTopic.change(bootstrap, ExchangeTopics.DISCIPLINE_EVENTS,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            assertThatThrownBy(LossyTopicsIT::startAdapter).rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageEndingWith("\n  clue.discipline.events: cleanup.policy is compact: compaction keeps "
                            + "only the latest record of each key, so every fact of a clue but its latest would be "
                            + "deleted; it must be delete");
        } finally {
            compacted.close();
        }
    }

    @Test
    void whatTheOutboxHoldsIsNotPublishedOnALossyTopicAndIsOnceTheTopicIsMended() throws Exception {
        // Once on fit topics, so that the adapter's database has its outbox.
        startAdapter();
        String clueId = "POLICE-530600-LT" + UUID.randomUUID().toString().substring(0, 8);
        new Outbox(JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password())), ClueEventCodec.create()).append(new RequestKey(CLIENT, "transfer",
                clueId), "0".repeat(64), ClueEventSamples.transfer(clueId, Instant.now()));

        ChangedTopic sevenDays = ChangedTopic.change(bootstrap, ExchangeTopics.POLICE_EVENTS,
                Map.of(TopicConfig.RETENTION_MS_CONFIG, "604800000"));
        try {
            assertThatThrownBy(LossyTopicsIT::startAdapter).rootCause().hasMessageContaining("retention.ms");
        } finally {
            sevenDays.close();
        }
        try (AgencyTopics topics = new AgencyTopics(bootstrap)) {
            assertThat(topics.readToEnd(ExchangeTopics.POLICE_EVENTS, clueId)).isEmpty();
        }
        try (AdapterUnderTest mended = AdapterUnderTest.start(PoliceAdapter.class, database,
                LossyTopicsIT::settings)) {
            assertThat(mended.topics().readEvents(ExchangeTopics.POLICE_EVENTS, clueId, 1, Duration.ofSeconds(60)))
                    .extracting(ClueEvents::typeOf).containsExactly("ClueTransferred");
        }
    }
}
