package org.clueexchange.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.embedded.MonthlyTrafficGenerator.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.clueexchange.embedded.MonthlyTrafficGenerator.ClueScript;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.EmbeddedKafkaBroker;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.infrastructure.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Zhaotong's June 2020 reconciliation end to end: two years of traffic driven through both adapters, the June
 * statement's breaks and totals exactly as injected, both agencies' confirmations through their adapters, a late
 * fact carried by July's statement while June's stays as confirmed, the officer's command writing the workbook
 * and the page to print, and the operator's replay of both topics identical to the live ledger. The broker is this
 * test's own, so that the topics hold the scenario's facts alone, as an exchange's hold its own: the other tests of
 * the module publish facts of Zhaotong and of June 2020 too, which this core never took in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthlyReconciliationIT {

    static final String JUNE = "STATEMENT-530600-2020-06";
    static final String JULY = "STATEMENT-530600-2020-07";
    static KafkaBroker broker;
    static ExchangeDeployment deployment;
    static MonthlyTrafficGenerator generator;
    static ZhaotongJune2020 zhaotong;
    static Map<ClueScript, String> clueIds;
    static JsonHttp core;

    @BeforeAll
    static void playTwoYears() throws Exception {
        Path logs = Files.createTempDirectory("clue-exchange-reconciliation-logs");
        broker = EmbeddedKafkaBroker.start(logs.resolve("kafka"), 0);
        // Two years of 2019-2020 asserted today: a historical load, every fact years late. The statement's other
        // judgements are what this test is about, so late assertion (LateAssertionIT) is tolerated here.
        deployment = ExchangeDeployment.start(broker, ExchangeInfrastructure.shared().postgres(),
                EmbeddedExchange.besideThisJar(), new ExchangeDeployment.Ports(0, 0, 0), logs, "530600", "recon_",
                Map.of("clue-exchange.sla.late-assertion-tolerance", "36500d"), AgencyKeyring.of());
        core = deployment.coreAsOfficer();
        generator = new MonthlyTrafficGenerator(deployment);
        zhaotong = new ZhaotongJune2020();
        clueIds = generator.play(zhaotong.all());
        for (Map.Entry<ClueScript, String> clue : clueIds.entrySet()) {
            awaitFacts(clue.getValue(), factsOf(clue.getKey()));
        }
    }

    @AfterAll
    static void stop() {
        if (deployment != null) {
            deployment.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void eachInjectedDiscrepancyIsReportedOnceWithItsSideAndAge() {
        JsonNode statement = issue("2020-06");

        Map<String, List<String>> breaks = new HashMap<>();
        statement.path("content").path("lines").forEach(line -> breaks.put(line.path("clueId").asText(),
                StreamSupport.stream(line.path("breaks").spliterator(), false).map(found ->
                        found.path("category").asText() + "/" + found.path("sideToAct").asText() + "/"
                                + found.path("ageDays").asLong() + "/" + found.path("aging").asText()).toList()));
        Map<String, List<String>> expected = new HashMap<>();
        zhaotong.cleanJune.forEach(clean -> expected.put(clueIds.get(clean), List.of()));
        expected.put(id(zhaotong.sentNotReceived), List.of("SENT_NOT_RECEIVED/RECEIVER/4/UP_TO_7_DAYS"));
        expected.put(id(zhaotong.receivedWithoutTransfer),
                List.of("RECEIVED_WITHOUT_TRANSFER/SENDER/0/UP_TO_7_DAYS"));
        expected.put(id(zhaotong.contentDiffers), List.of("CONTENT_DIGEST_DIFFERS/BOTH/15/UP_TO_30_DAYS"));
        expected.put(id(zhaotong.returned), List.of("RETURNED/SENDER/21/UP_TO_30_DAYS"));
        expected.put(id(zhaotong.concludedWithoutFeedback),
                List.of("CONCLUDED_WITHOUT_FEEDBACK/RECEIVER/18/UP_TO_30_DAYS"));
        expected.put(id(zhaotong.feedbackNotAcknowledged),
                List.of("FEEDBACK_NOT_ACKNOWLEDGED/SENDER/16/UP_TO_30_DAYS"));
        expected.put(id(zhaotong.acceptedLate), List.of("ACCEPTED_AFTER_SAME_DAY/RECEIVER/20/UP_TO_30_DAYS"));
        expected.put(id(zhaotong.disposalLate), List.of("DISPOSAL_LATE/RECEIVER/14/UP_TO_30_DAYS"));
        expected.put(id(zhaotong.openPastDue), List.of("OPEN_PAST_DUE/RECEIVER/21/UP_TO_30_DAYS"));
        expected.put(id(zhaotong.outOfSequence), List.of("SEQUENCE_ANOMALY/RECEIVER/19/UP_TO_30_DAYS"));
        assertThat(breaks).isEqualTo(expected);
    }

    @Test
    @Order(2)
    void theTotalsAreTheScenariosAndReproduceZhaotongsPublishedFigures() {
        List<JsonNode> tables = new ArrayList<>();
        issue("2020-06").path("content").path("summary").forEach(tables::add);

        assertThat(rows(tables.get(0))).containsExactly(
                // transferred, received, accepted, returned, concluded, in progress: month and 截至 2020-06-30
                "政法机关→纪检监察机关|10|215|9|214|8|213|1|1|6|210|2|3",
                "纪检监察机关→政法机关|4|74|5|75|4|74|0|0|2|72|2|2");
        assertThat(rows(tables.get(1))).filteredOn(row -> !row.endsWith("|0|0")).containsExactly(
                "政法机关→纪检监察机关|自行发现 own discovery|10|215",
                "纪检监察机关→政法机关|巡视巡察 inspection tour|4|39",
                "纪检监察机关→政法机关|群众举报 public report|0|35");
        assertThat(rows(tables.get(2))).containsExactly(
                "政法机关→纪检监察机关|立案 put on file|3|105",
                "政法机关→纪检监察机关|党纪政务处分 party or administrative sanction|2|53",
                "政法机关→纪检监察机关|组织处理/问责 organisational handling or accountability|3|54",
                "政法机关→纪检监察机关|留置 detention|1|52",
                "政法机关→纪检监察机关|移送司法 transferred to the judiciary|1|52",
                "政法机关→纪检监察机关|其他 other|0|51",
                "纪检监察机关→政法机关|立案 put on file|2|72",
                "纪检监察机关→政法机关|党纪政务处分 party or administrative sanction|0|0",
                "纪检监察机关→政法机关|组织处理/问责 organisational handling or accountability|0|0",
                "纪检监察机关→政法机关|留置 detention|0|0",
                "纪检监察机关→政法机关|移送司法 transferred to the judiciary|1|36",
                "纪检监察机关→政法机关|其他 other|0|0");
        assertThat(rows(tables.get(3))).containsExactly(
                "政法机关→纪检监察机关|县处级(含以上) county/division and above|0|51",
                "政法机关→纪检监察机关|乡科级 township/section|10|62",
                "政法机关→纪检监察机关|村(社区)干部 village cadre|0|51",
                "政法机关→纪检监察机关|其他 other|0|51",
                "纪检监察机关→政法机关|县处级(含以上) county/division and above|0|0",
                "纪检监察机关→政法机关|乡科级 township/section|4|4",
                "纪检监察机关→政法机关|村(社区)干部 village cadre|0|35",
                "纪检监察机关→政法机关|其他 other|0|35");
    }

    @Test
    @Order(3)
    void bothAgenciesConfirmAndALateFactIsAnAmendmentInJulyWhileJuneStaysAsConfirmed() throws Exception {
        JsonNode june = issue("2020-06");
        confirm(new JsonHttp(deployment.police(), deployment.credentials().policeCaseSystem()), june);
        confirm(new JsonHttp(deployment.discipline(), deployment.credentials().disciplineClueSystem()), june);
        await(() -> statement(JUNE).path("status").asText().equals("CONFIRMED"), "both confirmations of " + JUNE);
        JsonNode confirmed = statement(JUNE);
        assertThat(confirmed.path("confirmations")).extracting(confirmation -> confirmation.path("agency").asText())
                .containsExactlyInAnyOrder("POLICE@530600", "DISCIPLINE@530600");

        Instant lateAcknowledgement = MonthlyTrafficGenerator.at(LocalDateTime.of(2020, 6, 30, 20, 0));
        String late = id(zhaotong.feedbackNotAcknowledged);
        generator.acknowledge(zhaotong.feedbackNotAcknowledged, late, lateAcknowledgement);
        awaitFacts(late, factsOf(zhaotong.feedbackNotAcknowledged) + 1);

        assertThat(issue("2020-06")).isEqualTo(confirmed);
        JsonNode july = issue("2020-07");
        assertThat(july.path("content").path("amendments")).singleElement().satisfies(amendment -> {
            assertThat(amendment.path("clueId").asText()).isEqualTo(late);
            assertThat(amendment.path("fact").asText()).isEqualTo("FEEDBACK_ACKNOWLEDGED");
            assertThat(amendment.path("occurredAt").asText()).isEqualTo(lateAcknowledgement.toString());
            assertThat(amendment.path("confirmedStatementId").asText()).isEqualTo(JUNE);
        });
    }

    @Test
    @Order(4)
    void anOfficerGetsTheWorkbookAndThePrintablePageFromOneCommand() throws Exception {
        Path out = Files.createTempDirectory("statements");
        ExchangeDeployment.CommandResult command = deployment.runCore(out.resolve("reconcile.log"), "reconcile",
                "monthly", "--direct", "--jurisdiction", "530600", "--period", "2020-07", "--out", out.toString());

        assertThat(command.exitCode()).as(command.output()).isZero();
        assertThat(command.output()).contains(JULY).contains("比对线索 matching clues").contains("更正 1 amendments");
        assertThat(out.resolve(JULY + ".xlsx")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve(JULY + ".html"))).contains("问题线索一月一对账").contains("已移送未签收")
                .contains(JUNE);
    }

    @Test
    @Order(5)
    void aReplayOfBothTopicsIsIdenticalToTheLiveLedgerOfEveryClueAndPeriod() throws Exception {
        ExchangeDeployment.CommandResult replay = OperatorReplay.assertIdentical(deployment, broker);

        assertThat(replay.output()).contains(String.format(" events, %,d clues;", clueIds.size()));
    }

    private static void confirm(JsonHttp agency, JsonNode statement) {
        agency.post("/api/v1/statements/" + JUNE + "/confirmation", Map.of("recordId", "DZ-2020-06",
                "officerId", "ZT-DZ-01", "digest", statement.path("digest").asText(),
                "root", statement.path("periodRoot").path("root").asText())).successfully();
    }

    private static JsonNode issue(String period) {
        return core.post("/api/reconciliation/monthly", Map.of("jurisdiction", "530600", "period", period))
                .successfully();
    }

    private static JsonNode statement(String statementId) {
        return core.get("/api/reconciliation/monthly/" + statementId).successfully();
    }

    private static String id(ClueScript script) {
        return clueIds.get(script);
    }

    /** How many facts the script asserts: the ledger shows them all once the core has consumed them. */
    private static int factsOf(ClueScript script) {
        return (int) Stream.of(script.transferredAt(), script.receivedAt(), script.acceptedAt(),
                script.returnedAt(), script.disposedAt(), script.concludedAt(), script.feedbackAt(),
                script.acknowledgedAt()).filter(at -> at != null).count();
    }

    private static void awaitFacts(String clueId, int facts) throws InterruptedException {
        await(() -> {
            JsonHttp.Response entry = core.get("/api/ledger/clues/" + clueId);
            return entry.status() == 200 && entry.body().path("timelines").path("sender").size()
                    + entry.body().path("timelines").path("receiver").size() == facts;
        }, facts + " facts of " + clueId + " on the ledger");
    }

    private static List<String> rows(JsonNode table) {
        List<String> rows = new ArrayList<>();
        table.path("rows").forEach(row -> rows.add(String.join("|", StreamSupport.stream(row.spliterator(), false)
                .map(JsonNode::asText).toList())));
        return rows;
    }
}
