package org.clueexchange.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.core.reconciliation.query.PrintedPages.compact;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clueexchange.core.RunningCore;
import org.clueexchange.core.cli.CoreCommandLine;
import org.clueexchange.core.reconciliation.query.Chromium;
import org.clueexchange.core.reconciliation.query.PrintedPages;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.subscription.KafkaSettings;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.origin.OriginSignature;
import org.clueexchange.wire.origin.OriginVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit of a clue, read from a real broker and database: a transfer the police signed, a receipt published
 * onto the police's topic though the commission asserts it, and bytes that are no event, each with its topic,
 * partition and offset, its schema fingerprint and its signature's verdict, the refused ones with the dead letter's
 * reason; beside the transfer what its ledger entry recorded; the monthly statement's break on the clue.
 */
class ClueAuditIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final AgencyKeyring.Signing POLICE = AgencyKeyring.forTests().signing(AgencyType.POLICE);
    private static final String KEY_ID = POLICE.key().keyId();
    private static final ClueEventCodec CODEC = ClueEventCodec.create();

    static RunningCore core;
    static Database database;
    static String bootstrap;
    static ClueTransferred transfer;
    static String clueId;

    @BeforeAll
    static void start() throws Exception {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        bootstrap = infrastructure.kafka().bootstrapServers();
        database = infrastructure.postgres().createDatabase("clue_audit");
        core = RunningCore.start(database, bootstrap, "clue-audit");
        clueId = "POLICE-530600-A" + UUID.randomUUID().toString().substring(0, 8);
        transfer = ClueEventSamples.transfer(clueId, AT);
        ClueReceived misplaced = ClueEventSamples.receipt(transfer, AT.plusSeconds(600));
        byte[] signed = CODEC.encode(transfer);
        byte[] header = POLICE.signer().sign(List.of(signed)).get(0);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(bootstrap,
                "clue-audit-test"))) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(ExchangeTopics.POLICE_EVENTS, clueId, signed);
            record.headers().add(OriginSignature.HEADER, header);
            producer.send(record).get();
            producer.send(new ProducerRecord<>(ExchangeTopics.POLICE_EVENTS, clueId, CODEC.encode(misplaced))).get();
            producer.send(new ProducerRecord<>(ExchangeTopics.POLICE_EVENTS, clueId,
                    "\u0007not an event".getBytes(StandardCharsets.UTF_8))).get();
        }
        await().atMost(PATIENCE).until(() -> core.entry(clueId).filter(RunningCore::settled).isPresent());
        await().atMost(PATIENCE).until(() -> records(audit()).stream().filter(record -> record.has("refusal"))
                .count() == 2);
        core.as(CoreCredentials.officer("530000")).post("/api/reconciliation/monthly",
                Map.of("jurisdiction", "530600", "period", "2020-06")).successfully();
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    @Test
    void theAuditShowsEveryRecordOfTheClueWhereItLiesWhoSignedItAndWhetherItCounted() {
        JsonNode audit = audit();
        assertThat(audit.path("clueId").asText()).isEqualTo(clueId);
        List<JsonNode> records = records(audit);
        assertThat(records).hasSize(3);
        assertThat(records).extracting(record -> record.path("topic").asText()).containsOnly(
                ExchangeTopics.POLICE_EVENTS);
        assertThat(records).extracting(record -> record.path("offset").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(records).extracting(record -> record.path("partition").asInt()).containsOnly(
                records.get(0).path("partition").asInt());

        JsonNode signed = records.get(0);
        assertThat(signed.path("eventId").asText()).isEqualTo(transfer.getEnvelope().getEventId());
        assertThat(signed.path("eventType").asText()).isEqualTo("ClueTransferred");
        assertThat(signed.path("assertedBy").path("type").asText()).isEqualTo("POLICE");
        assertThat(signed.path("assertedBy").path("jurisdiction").asText()).isEqualTo("530600");
        assertThat(signed.path("actor").asText()).isEqualTo(transfer.getEnvelope().getActor());
        assertThat(signed.path("occurredAt").asText()).isEqualTo(AT.toString());
        assertThat(signed.path("schemaFingerprint").asText()).isEqualTo(
                HexFormat.of().formatHex(CODEC.encode(transfer), 2, 10));
        assertThat(signed.path("signingKeyId").asText()).isEqualTo(KEY_ID);
        assertThat(signed.path("signature").asText()).isEqualTo("VERIFIED");
        assertThat(signed.has("refusal")).isFalse();
        assertThat(Instant.parse(signed.path("recordedAt").asText())).isAfter(Instant.parse(
                signed.path("appendedAt").asText()).minusSeconds(1));
        assertThat(signed.path("stateAfter").asText()).isEqualTo("TRANSFERRED");
        List<String> derived = new ArrayList<>();
        signed.path("derived").forEach(event -> derived.add(event.path("type").asText()));
        assertThat(derived).as("the limits the transfer started fell due long ago").startsWith("ClueTransferRecorded")
                .contains("SlaClockStarted", "SlaBreached");

        JsonNode misplaced = records.get(1);
        assertThat(misplaced.path("eventType").asText()).isEqualTo("ClueReceived");
        assertThat(misplaced.path("assertedBy").path("type").asText()).isEqualTo("DISCIPLINE");
        assertThat(misplaced.path("signature").asText()).isEqualTo("REFUSED");
        assertThat(misplaced.path("signatureRefusal").asText()).startsWith(OriginVerifier.SECURITY)
                .contains("not signed");
        // Unsigned, it is refused for that before anyone asks whether its topic is its asserter's.
        assertThat(misplaced.path("refusal").asText()).isEqualTo(misplaced.path("signatureRefusal").asText());
        assertThat(misplaced.path("refusedBy").asText()).isEqualTo("clue-audit");
        assertThat(misplaced.has("recordedAt")).isFalse();
        assertThat(misplaced.path("derived")).isEmpty();

        JsonNode garbage = records.get(2);
        assertThat(garbage.has("eventId")).isFalse();
        assertThat(garbage.has("schemaFingerprint")).isFalse();
        assertThat(garbage.path("signature").asText()).isEqualTo("NOT_CHECKED");
        assertThat(garbage.path("refusal").asText()).isNotBlank();

        assertThat(audit.path("breaks")).anySatisfy(found -> {
            assertThat(found.path("statementId").asText()).isEqualTo("STATEMENT-530600-2020-06");
            assertThat(found.path("category").asText()).isEqualTo("SENT_NOT_RECEIVED");
        });
    }

    @Test
    void anOfficerAuditsTheClueOfTheJurisdictionAndNoOtherAndEveryAuditIsLogged() {
        assertThat(core.as(CoreCredentials.officer("530000")).get("/api/audit/clues/" + clueId).status())
                .isEqualTo(200);
        JsonHttp.Response elsewhere = core.as(CoreCredentials.officer("620000")).get("/api/audit/clues/" + clueId);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.body().path("errors").get(0).path("field").asText()).isEqualTo("clueId");
        assertThat(core.as(CoreCredentials.OPERATOR).get("/api/audit/clues/" + clueId).status()).isEqualTo(403);
        assertThat(core.get("/api/audit/clues/" + clueId + "?format=csv").body().path("errors").get(0)
                .path("field").asText()).isEqualTo("format");
        assertThat(core.get("/api/audit/clues/" + clueId + "%07").status()).isEqualTo(400);

        JsonNode log = core.get("/api/audit/personal-data-access?limit=100").successfully();
        List<String> reads = new ArrayList<>();
        log.forEach(read -> reads.add(read.path("userId").asText() + " " + read.path("resource").asText()));
        assertThat(reads).contains(CoreCredentials.officer("530000") + " audit/clues/" + clueId + "?format=JSON");
    }

    @Test
    void thePrintedAuditFitsA4AndSaysEveryRecordInChineseAndEnglish(@TempDir Path dir) throws Exception {
        JsonHttp.Response page = core.get("/api/audit/clues/" + clueId + "?format=html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        Path html = dir.resolve("audit.html");
        Files.writeString(html, page.raw().body());
        Chromium chromium = Chromium.in(dir);

        Path pdf = chromium.printToPdf(html);
        PrintedPages printed = PrintedPages.read(pdf);
        PrintedPages.keepInTarget(chromium, html, pdf, "audit");

        assertThat(printed.pages()).allSatisfy(sheet -> {
            sheet.assertA4LandscapeWithinItsMargins();
        });
        assertThat(compact(printed.text())).contains("问题线索审计", compact("主题记录 Records on the agencies' topics"),
                compact(clueId), "已验证verified", "未通过refused", KEY_ID, "ClueTransferRecorded",
                compact("时限起算 clock started"), "STATEMENT-530600-2020-06", "SENT_NOT_RECEIVED");
    }

    @Test
    void aBrowserGetsThePageAndTheCommandLineWritesEither(@TempDir Path dir) throws Exception {
        HttpResponse<String> browsed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        core.uri().resolve("/api/audit/clues/" + clueId))
                .header("Authorization", "Bearer " + core.token(CoreCredentials.AUDITOR))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(browsed.statusCode()).isEqualTo(200);
        assertThat(browsed.body()).startsWith("<!DOCTYPE html>").contains("问题线索审计", "已验证 verified");

        Path out = dir.resolve("audit.html");
        int exit = CoreCommandLine.run("audit", clueId, "--format", "html", "--out", out.toString(),
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--clue-exchange.kafka.bootstrap-servers=" + bootstrap,
                "--" + AgencyKeyring.CORE_AGENCY_KEYS + "=" + AgencyKeyring.forTests().file());
        assertThat(exit).isZero();
        assertThat(out).content(StandardCharsets.UTF_8).contains("问题线索审计", clueId, "已验证 verified");
        assertThat(CoreCommandLine.run("audit", clueId, "--format", "csv")).isEqualTo(2);
    }

    private static JsonNode audit() {
        return core.get("/api/audit/clues/" + clueId).successfully();
    }

    private static List<JsonNode> records(JsonNode audit) {
        List<JsonNode> records = new ArrayList<>();
        audit.path("records").forEach(records::add);
        return records;
    }
}
