package org.clueexchange.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.subscription.DeadLetters;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTime;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.origin.OriginSigner;
import org.clueexchange.wire.origin.OriginVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Facts that claim an origin they do not have, put straight onto the agency topics by a writer with access to the
 * broker but without the agency's key: each is dead-lettered with its security reason by the core and by the adapter
 * that reads the topic, and neither the ledger, nor the other agency's inbox, nor the month's statement changes.
 */
class ForgedRecordsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ClueEventCodec CODEC = ClueEventCodec.create();
    private static final String ZHAOTONG = "530600";
    private static final String KUNMING = "530100";
    private static final String CORE = "clue-exchange-core";
    private static final String DISCIPLINE_ADAPTER = "discipline-adapter-" + ZHAOTONG;
    private static final String POLICE_ADAPTER = "police-adapter-" + ZHAOTONG;

    static ExchangeDeployment deployment;
    static AgencyTopics topics;

    @BeforeAll
    static void start() throws Exception {
        deployment = ExchangeDeployment.start(ExchangeInfrastructure.shared(), EmbeddedExchange.besideThisJar(),
                new ExchangeDeployment.Ports(0, 0, 0), Files.createTempDirectory("clue-exchange-forged-logs"),
                ZHAOTONG, "forged_", Map.of(), AgencyKeyring.forTests());
        topics = new AgencyTopics(ExchangeInfrastructure.shared().kafka().bootstrapServers(), deployment.keys());
    }

    @AfterAll
    static void stop() {
        if (topics != null) {
            topics.close();
        }
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    void everyForgedRecordIsDeadLetteredForSecurityAndTheLedgerTheInboxAndTheStatementStayAsTheyWere()
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        JsonHttp police = new JsonHttp(deployment.police(), deployment.credentials().policeCaseSystem());
        JsonHttp inbox = new JsonHttp(deployment.discipline(), deployment.credentials().disciplineClueSystem());
        JsonHttp core = deployment.coreAsOfficer();
        String clueId = police.post("/api/v1/clue-transfers", transferRequest("FORGED-" + run)).successfully()
                .path("clueId").asText();
        await().atMost(PATIENCE).until(() -> inbox.get("/api/v1/inbox/" + clueId).status() == 200);
        JsonNode entry = await().atMost(PATIENCE).until(() -> core.get("/api/ledger/clues/" + clueId),
                response -> response.status() == 200).body();
        String month = YearMonth.now(ExchangeTime.CHINA_STANDARD_TIME).minusMonths(1).toString();
        String statementId = "STATEMENT-" + ZHAOTONG + "-" + month;
        JsonNode statement = core.post("/api/reconciliation/monthly", Map.of("jurisdiction", ZHAOTONG, "period",
                month)).successfully();

        ClueTransferred delivered = (ClueTransferred) topics.readEvents(ExchangeTopics.POLICE_EVENTS, clueId, 1,
                PATIENCE).get(0);
        AgencyKeyring.Signing policeKey = deployment.keys().signing(AgencyType.POLICE);
        AgencyKeyring.Signing disciplineKey = deployment.keys().signing(AgencyType.DISCIPLINE);

        // A receipt stops the pick-up clock: signed under the commission's key id with a key that is not its.
        ClueReceived receiptUnderAStolenKeyId = ClueEventSamples.receipt(delivered, now());
        publish(receiptUnderAStolenKeyId, new OriginSigner(disciplineKey.key().keyId(),
                AgencyKeyring.generate("stolen", AgencyType.DISCIPLINE, ZHAOTONG).privateKey()));
        // The commission's receipt, signed by the police: another agency's identity.
        ClueReceived receiptSignedByThePolice = ClueEventSamples.receipt(delivered, now());
        publish(receiptSignedByThePolice, policeKey.signer());
        // A transfer to the commission from Kunming's police, signed with Zhaotong's police key.
        ClueTransferred fromKunming = ClueEventSamples.transfer("POLICE-" + KUNMING + "-FORGED-" + run, now());
        fromKunming.getEnvelope().setAssertedBy(new Agency(AgencyType.POLICE, KUNMING));
        publish(fromKunming, policeKey.signer());
        // A transfer no key signed at all.
        ClueTransferred unsigned = ClueEventSamples.transfer("POLICE-" + ZHAOTONG + "-UNSIGNED-" + run, now());
        topics.publishUnsigned(ExchangeTopics.POLICE_EVENTS, ClueEvents.keyOf(unsigned), CODEC.encode(unsigned));
        // Both agencies' confirmations of the statement, with its right digest and root, published straight onto the
        // topics.
        String digest = statement.path("digest").asText();
        String root = statement.path("periodRoot").path("root").asText();
        StatementConfirmed policeConfirms = ClueEventSamples.confirmation(statementId,
                new Agency(AgencyType.POLICE, ZHAOTONG), digest, root, now());
        topics.publishUnsigned(ExchangeTopics.POLICE_EVENTS, statementId, CODEC.encode(policeConfirms));
        StatementConfirmed disciplineConfirms = ClueEventSamples.confirmation(statementId,
                new Agency(AgencyType.DISCIPLINE, ZHAOTONG), digest, root, now());
        publish(disciplineConfirms, policeKey.signer());

        assertDeadLettered(clueId, receiptUnderAStolenKeyId, "the signature of key " + disciplineKey.key().keyId()
                + " does not verify over the fact's bytes", CORE, POLICE_ADAPTER);
        assertDeadLettered(clueId, receiptSignedByThePolice, "key " + policeKey.key().keyId()
                + " belongs to POLICE, but the fact is asserted by DISCIPLINE", CORE, POLICE_ADAPTER);
        assertDeadLettered(ClueEvents.keyOf(fromKunming), fromKunming, "key " + policeKey.key().keyId()
                + " speaks for " + ZHAOTONG + ", but the fact is asserted in " + KUNMING, CORE, DISCIPLINE_ADAPTER);
        assertDeadLettered(ClueEvents.keyOf(unsigned), unsigned, "the record carries no clue-exchange.origin header: "
                + "the fact is not signed", CORE, DISCIPLINE_ADAPTER);
        assertDeadLettered(statementId, policeConfirms, "the record carries no clue-exchange.origin header", CORE,
                DISCIPLINE_ADAPTER);
        assertDeadLettered(statementId, disciplineConfirms, "key " + policeKey.key().keyId()
                + " belongs to POLICE, but the fact is asserted by DISCIPLINE", CORE, POLICE_ADAPTER);

        JsonNode after = core.get("/api/ledger/clues/" + clueId).successfully();
        assertThat(after.path("state")).isEqualTo(entry.path("state"));
        assertThat(after.path("timelines")).isEqualTo(entry.path("timelines"));
        assertThat(after.path("timelines").path("receiver")).isEmpty();
        assertThat(core.get("/api/ledger/clues/" + ClueEvents.keyOf(fromKunming)).status()).isEqualTo(404);
        assertThat(core.get("/api/ledger/clues/" + ClueEvents.keyOf(unsigned)).status()).isEqualTo(404);
        assertThat(inbox.get("/api/v1/inbox/" + ClueEvents.keyOf(fromKunming)).status()).isEqualTo(404);
        assertThat(inbox.get("/api/v1/inbox/" + ClueEvents.keyOf(unsigned)).status()).isEqualTo(404);
        JsonNode statementAfter = core.get("/api/reconciliation/monthly/" + statementId).successfully();
        assertThat(statementAfter.path("status").asText()).isNotEqualTo("CONFIRMED");
        assertThat(statementAfter.path("confirmations")).isEmpty();
        assertThat(statementAfter.path("digest")).isEqualTo(statement.path("digest"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void publish(SpecificRecord event, OriginSigner signer) throws Exception {
        byte[] bytes = CODEC.encode(event);
        topics.publish(ExchangeTopics.of(event), ClueEvents.keyOf(event), bytes, signer.sign(List.of(bytes)).get(0));
    }

    /**
     * The forged fact is in the dead-letter topic, with its security reason, from each of {@code consumers}: the
     * core and the adapter that reads the forger's topic.
     */
    private static void assertDeadLettered(String key, SpecificRecord forged, String reason, String... consumers) {
        byte[] bytes = CODEC.encode(forged);
        for (String consumer : consumers) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(topics.readToEnd(ExchangeTopics.DEAD_LETTER, key))
                    .as("%s's dead letter of %s", consumer, ClueEvents.typeOf(forged))
                    .anySatisfy(letter -> {
                        assertThat(letter.value()).isEqualTo(bytes);
                        assertThat(header(letter, DeadLetters.CONSUMER)).isEqualTo(consumer);
                        assertThat(header(letter, DeadLetters.REASON)).startsWith(OriginVerifier.SECURITY)
                                .contains(reason);
                    }));
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> transferRequest(String recordId) {
        return Map.ofEntries(
                Map.entry("recordId", recordId),
                Map.entry("jurisdiction", ZHAOTONG),
                Map.entry("officerId", "ZTGA-0042"),
                Map.entry("receiverJurisdiction", ZHAOTONG),
                Map.entry("caseNumber", "ZT-2020-099"),
                Map.entry("caseType", "MAFIA_TYPE_ORGANISATION"),
                Map.entry("allegation", "PROTECTIVE_UMBRELLA"),
                Map.entry("urgent", false),
                Map.entry("officials", List.of(Map.of("name", "赵某", "unit", "某县公安局 副局长",
                        "rank", "COUNTY_DIVISION", "role", "保护伞"))),
                Map.entry("summary", "赵某为涉黑组织通风报信"));
    }
}
