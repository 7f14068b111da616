package org.clueexchange.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.wire.ClueEventSamples.AT;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.UUID;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.GangCaseReference;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.wire.ClueContentDigest;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An adapter upgraded onto a database of the version before inboxes were searched by the sender's case number finds
 * the transfers it kept before by the number they name.
 */
class SenderCaseNumberUpgradeIT {

    private static final String TOKEN = UUID.randomUUID().toString();

    @Test
    void aTransferKeptBeforeTheUpgradeIsFoundByItsCaseNumberAfterIt() {
        Database database = ExchangeInfrastructure.shared().postgres().createDatabase("discipline_upgrade");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/exchange-adapter").target("4").load()
                .migrate();
        ClueTransferred transfer = ClueEventSamples.transfer(
                "POLICE-530600-UP" + UUID.randomUUID().toString().substring(0, 8), AT);
        transfer.getContent().setLinkedGangCase(new GangCaseReference("昭公（刑）立字〔2019〕88号",
                GangCaseType.EVIL_FORCE_GANG));
        transfer.setContentDigest(ClueContentDigest.of(transfer.getContent()));
        JdbcClient.create(dataSource).sql("""
                        INSERT INTO received_fact (event_id, clue_id, event_type, asserted_by_jurisdiction,
                            concerns_jurisdiction, payload, source_topic, source_partition, source_offset, received_at)
                        VALUES (:eventId, :clueId, 'ClueTransferred', '530600', '530600', :payload, :topic, 0, 0,
                            :receivedAt)""")
                .param("eventId", UUID.fromString(transfer.getEnvelope().getEventId()))
                .param("clueId", transfer.getEnvelope().getClueId())
                .param("payload", ClueEventCodec.create().encode(transfer))
                .param("topic", ExchangeTopics.POLICE_EVENTS)
                .param("receivedAt", Timestamp.from(AT))
                .update();

        try (AdapterUnderTest adapter = AdapterUnderTest.start(DisciplineAdapter.class, database, infrastructure ->
                AdapterSettings.serving(AgencyType.DISCIPLINE, "530600", infrastructure)
                        .client("zhaotong-clue-system", TOKEN, "530600")
                        .asMap())) {
            assertThat(adapter.get("/api/v1/inbox?senderCaseNumber=" + URLEncoder.encode("昭公(刑)立字〔2019〕88号",
                    StandardCharsets.UTF_8), TOKEN).body().path("items").findValuesAsText("clueId"))
                    .containsExactly(transfer.getEnvelope().getClueId());
        }
    }
}
