package org.clueexchange.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.embedded.MonthlyTrafficGenerator.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.clueexchange.embedded.QuarterlyTrafficGenerator.CaseScript;
import org.clueexchange.embedded.QuarterlyTrafficGenerator.Refusal;
import org.clueexchange.embedded.QuarterlyTrafficGenerator.UmbrellaClue;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Zhaotong's reconciliation of the officials involved in gang cases (一季度一对账) for 2020-Q3 end to end: a quarter
 * of gang cases and umbrella clues driven through both adapters, the statement's breaks, findings and figures
 * exactly as injected, the quarter cut in China time, a re-traced case still open the next quarter, both agencies'
 * confirmations through their adapters, a late fact carried by Q4's statement while Q3's stays as confirmed, and the
 * officer's command writing the workbook and the page to print. {@code -Dquarterly.seed=} plays a run again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuarterlyReconciliationIT {

    static final String Q3 = "STATEMENT-530600-2020-Q3";
    static final String Q4 = "STATEMENT-530600-2020-Q4";
    static final String PROBLEMS = "https://clue-exchange.org/problems/";
    static ExchangeDeployment deployment;
    static AgencyTopics topics;
    static QuarterlyTrafficGenerator generator;
    static ZhaotongThirdQuarter2020 zhaotong;
    static Map<UmbrellaClue, String> clueIds;
    static JsonHttp core;

    @BeforeAll
    static void playTheQuarter() throws Exception {
        long seed = Long.getLong("quarterly.seed", System.nanoTime());
        System.out.println("QuarterlyReconciliationIT: -Dquarterly.seed=" + seed);
        Path logs = Files.createTempDirectory("clue-exchange-quarterly-logs");
        // A quarter of 2020 asserted today, every fact years late: tolerated, as in MonthlyReconciliationIT.
        deployment = ExchangeDeployment.start(ExchangeInfrastructure.shared(), EmbeddedExchange.besideThisJar(),
                new ExchangeDeployment.Ports(0, 0, 0), logs, "530600", "quarterly_",
                Map.of("clue-exchange.sla.late-assertion-tolerance", "36500d"), AgencyKeyring.forTests());
        core = deployment.coreAsOfficer();
        topics = new AgencyTopics(ExchangeInfrastructure.shared().kafka().bootstrapServers());
        generator = new QuarterlyTrafficGenerator(deployment, topics, seed);
        zhaotong = new ZhaotongThirdQuarter2020(generator);
        clueIds = generator.play(zhaotong.cases(), zhaotong.clues);
        for (CaseScript script : zhaotong.cases()) {
            awaitCaseFacts(script, script.facts());
        }
        for (UmbrellaClue clue : zhaotong.clues) {
            awaitClueFacts(clue);
        }
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
    @Order(1)
    void whatTheAdaptersRefuseTheirSystemsIsRefusedNamingTheField() {
        assertThat(generator.refusals()).containsExactlyInAnyOrder(
                new Refusal(zhaotong.oneSignerTwoRoles.caseNumber(), "endorsement", 409,
                        PROBLEMS + "conflicts-with-record", "signerId"),
                new Refusal(zhaotong.unregistered.caseNumber(), "follow-up", 404, PROBLEMS + "not-found",
                        "caseNumber"));
    }

    @Test
    @Order(2)
    void eachInjectedBreakIsReportedOnceWithTheAgencyToActAndItsAge() {
        JsonNode content = issue("2020-Q3").path("content");

        // The raw facts the adapters refused count as any other: the second role of one signer, the follow-up of
        // a case never registered.
        assertThat(breaks(content)).containsExactly(
                "OFFICIAL_NOT_REFERRED/POLICE/" + official(zhaotong.notReferred) + "/55",
                "REFERRAL_NOT_FOLLOWED_UP/DISCIPLINE/" + official(zhaotong.notFollowedUp) + "/49",
                "ENDORSEMENT_INCOMPLETE/DISCIPLINE/" + zhaotong.oneSignerTwoRoles.caseNumber() + "/29",
                "ENDORSEMENT_INCOMPLETE/DISCIPLINE/" + zhaotong.twoSignatures.caseNumber() + "/25",
                // The re-ranked official, named township/section by the police and followed up as county/division
                // by the commission, makes both ranks count differently from that follow-up on; the officials the
                // commission never followed up are their own breaks (not referred, not followed up), not these.
                "RANK_COUNT_DIFFERS/BOTH/COUNTY_DIVISION/43",
                "RANK_COUNT_DIFFERS/BOTH/TOWNSHIP_SECTION/43",
                "FOLLOW_UP_OF_UNREGISTERED_CASE/POLICE/" + zhaotong.unregistered.caseNumber() + "/36",
                "UNFOUNDED_WITHOUT_SUPERVISION/DISCIPLINE/" + clueIds.get(zhaotong.unsupervisedClue) + "/18");
        Map<String, String> endorsementProblems = new TreeMap<>();
        content.path("breaks").forEach(found -> {
            if (found.path("category").asText().equals("ENDORSEMENT_INCOMPLETE")) {
                endorsementProblems.put(found.path("caseNumber").asText(), found.path("detail").asText());
            }
        });
        assertThat(endorsementProblems).containsExactly(
                Map.entry(zhaotong.oneSignerTwoRoles.caseNumber(),
                        "同一人重复签字 JW-530622-201 signed for more than one role"),
                Map.entry(zhaotong.twoSignatures.caseNumber(), "缺少主要领导签字 no signature of the principal leader"));
    }

    @Test
    @Order(3)
    void theFindingsAcrossBothAgenciesAreTheInjectedOnes() {
        JsonNode content = issue("2020-Q3").path("content");

        List<String> findings = new ArrayList<>();
        content.path("findings").forEach(finding -> findings.add(finding.path("kind").asText() + "/"
                + finding.path("personKey").asText("-") + "/" + texts(finding.path("caseNumbers")) + "/"
                + texts(finding.path("clueIds"))));
        CaseScript first = zhaotong.district.get(0);
        assertThat(findings).containsExactly(
                "OFFICIAL_UNKNOWN_TO_DISCIPLINE/" + personKey(zhaotong.notReferred) + "/["
                        + zhaotong.notReferred.caseNumber() + "]/[]",
                "CLUE_OF_UNREGISTERED_CASE/-/[" + zhaotong.clueOfUnregisteredCase.caseNumber() + "]/["
                        + clueIds.get(zhaotong.clueOfUnregisteredCase) + "]",
                "PERSON_IN_SEVERAL/" + personKey(first) + "/[" + first.caseNumber() + ", "
                        + zhaotong.district.get(1).caseNumber() + "]/" + zhaotong.cluesAboutTheSamePerson.stream()
                        .map(clueIds::get).sorted().toList());
    }

    @Test
    @Order(4)
    void theFiguresAreTheDistrictsPublishedShapeBesideTheProvince() {
        JsonNode content = issue("2020-Q3").path("content");
        List<JsonNode> figures = new ArrayList<>();
        content.path("summary").forEach(figures::add);

        Map<String, Long> closures = new TreeMap<>();
        content.path("cases").forEach(line -> {
            if (line.path("jurisdiction").asText().equals(ZhaotongThirdQuarter2020.DISTRICT)) {
                closures.merge(line.path("closure").asText(), 1L, Long::sum);
            }
        });
        assertThat(closures).containsExactly(Map.entry("CLOSED_NO_UMBRELLA", 14L), Map.entry("RETRACING", 2L),
                Map.entry("UMBRELLA_FOUND", 1L));
        // Only Zhaotong's police and commission assert facts on this exchange: the province's ratio is Zhaotong's.
        assertThat(rows(figures.get(0))).containsExactly(
                "黑社会性质组织|1|0|0.0%|1|0|0.0%",
                "恶势力犯罪集团|10|1|10.0%|10|1|10.0%",
                "恶势力团伙|12|0|0.0%|12|0|0.0%",
                "村霸|1|0|0.0%|1|0|0.0%");
        String toReexamine = zhaotong.district.stream().filter(script -> script != zhaotong.umbrellaFound
                && !zhaotong.retraced.contains(script)).map(CaseScript::caseNumber).collect(Collectors.joining("、"));
        assertThat(rows(figures.get(1))).containsExactly(
                // The clue of a case never registered counts where it was sent from.
                "530600|0|1|—|0|",
                "530602|17|5|0.29|14|" + toReexamine,
                "530621|2|1|0.50|0|",
                "530622|3|1|0.33|2|" + zhaotong.oneSignerTwoRoles.caseNumber() + "、"
                        + zhaotong.twoSignatures.caseNumber(),
                "530623|2|2|1.00|0|");
        assertThat(rows(figures.get(2))).containsExactly(
                "县处级|0|1|-1",
                "乡科级|3|0|3",
                "一般干部|3|3|0",
                "村（社区）干部|4|4|0",
                "合计 total|10|8|2");
    }

    @Test
    @Order(5)
    void aCaseSolvedAtHalfPastMidnightOnTheFirstOfJulyChinaTimeIsTheThirdQuartersNotTheSeconds() {
        JsonNode second = issue("2020-Q2").path("content");
        assertThat(second.path("cases")).isEmpty();
        assertThat(second.path("breaks")).isEmpty();

        JsonNode line = caseLine(issue("2020-Q3"), zhaotong.solvedAtMidnight);
        assertThat(line.path("solvedAt").asText()).isEqualTo("2020-06-30T16:30:00Z");
        assertThat(line.path("closure").asText()).isEqualTo("CLOSED_NO_UMBRELLA");
    }

    @Test
    @Order(6)
    void bothAgenciesConfirmAndALateFactIsAnAmendmentInTheFourthQuarterWhileTheThirdStaysAsConfirmed()
            throws Exception {
        JsonNode issued = issue("2020-Q3");
        confirm(new JsonHttp(deployment.police(), deployment.credentials().policeCaseSystem()), issued);
        confirm(new JsonHttp(deployment.discipline(), deployment.credentials().disciplineClueSystem()), issued);
        await(() -> statement(Q3).path("status").asText().equals("CONFIRMED"), "both confirmations of " + Q3);
        JsonNode confirmed = statement(Q3);
        assertThat(confirmed.path("confirmations")).extracting(confirmation -> confirmation.path("agency").asText())
                .containsExactlyInAnyOrder("POLICE@530600", "DISCIPLINE@530600");

        Instant august = MonthlyTrafficGenerator.at(LocalDateTime.of(2020, 8, 20, 10, 0));
        generator.followUpLate(zhaotong.notFollowedUp, ZhaotongThirdQuarter2020.officialOf(zhaotong.notFollowedUp),
                august);
        awaitCaseFacts(zhaotong.notFollowedUp, zhaotong.notFollowedUp.facts() + 1);

        assertThat(issue("2020-Q3")).isEqualTo(confirmed);
        assertThat(issue("2020-Q4").path("content").path("amendments")).singleElement().satisfies(amendment -> {
            assertThat(amendment.path("caseNumber").asText()).isEqualTo(zhaotong.notFollowedUp.caseNumber());
            assertThat(amendment.path("fact").asText()).isEqualTo("FOLLOW_UP_OPENED");
            assertThat(amendment.path("occurredAt").asText()).isEqualTo(august.toString());
            assertThat(amendment.path("confirmedStatementId").asText()).isEqualTo(Q3);
        });
    }

    @Test
    @Order(7)
    void aRetracedCaseIsStillOpenInTheNextQuartersStatement() {
        JsonNode fourth = issue("2020-Q4");

        assertThat(fourth.path("statementId").asText()).isEqualTo(Q4);
        for (CaseScript retraced : zhaotong.retraced) {
            JsonNode line = caseLine(fourth, retraced);
            assertThat(line.path("closure").asText()).isEqualTo("RETRACING");
            assertThat(line.path("retraced").asBoolean()).isTrue();
            assertThat(line.path("closureSince").asText()).isEqualTo(retraced.retracedAt().toString());
            assertThat(line.path("signers")).as("the signatures before the re-trace close nothing").isEmpty();
        }
    }

    @Test
    @Order(8)
    void anOfficerGetsTheWorkbookAndThePrintablePageFromOneCommand() throws Exception {
        Path out = Files.createTempDirectory("quarterly-statements");
        ExchangeDeployment.CommandResult command = deployment.runCore(out.resolve("reconcile.log"), "reconcile",
                "quarterly", "--direct", "--jurisdiction", "530600", "--period", "2020-Q3", "--out", out.toString());

        assertThat(command.exitCode()).as(command.output()).isZero();
        assertThat(command.output()).contains(Q3).contains("案件 25 cases · 差异 8 breaks · 发现 3 findings");
        assertThat(out.resolve(Q3 + ".xlsx")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve(Q3 + ".html"))).contains("一季度一对账")
                .contains("未发现保护伞但签字背书不全").contains(zhaotong.twoSignatures.caseNumber());
    }

    private static void confirm(JsonHttp agency, JsonNode statement) {
        agency.post("/api/v1/statements/" + Q3 + "/confirmation", Map.of("recordId", "DZ-2020-Q3",
                "officerId", "ZT-DZ-01", "digest", statement.path("digest").asText(),
                "root", statement.path("periodRoot").path("root").asText())).successfully();
    }

    private static JsonNode issue(String period) {
        return core.post("/api/reconciliation/quarterly", Map.of("jurisdiction", "530600", "period", period))
                .successfully();
    }

    private static JsonNode statement(String statementId) {
        return core.get("/api/reconciliation/quarterly/" + statementId).successfully();
    }

    /** Each break as category/partyToAct/item/ageDays, its item as the statement names it for an officer's note. */
    private static List<String> breaks(JsonNode content) {
        List<String> breaks = new ArrayList<>();
        content.path("breaks").forEach(found -> {
            breaks.add(found.path("category").asText() + "/" + found.path("partyToAct").asText() + "/"
                    + found.path("item").asText() + "/" + found.path("ageDays").asLong());
        });
        return breaks;
    }

    private static JsonNode caseLine(JsonNode statement, CaseScript script) {
        return StreamSupport.stream(statement.path("content").path("cases").spliterator(), false)
                .filter(line -> line.path("caseNumber").asText().equals(script.caseNumber())).findFirst()
                .orElseThrow(() -> new AssertionError(script.caseNumber() + " is not on the statement"));
    }

    /** The case and its one official, as a break names them. */
    private static String official(CaseScript script) {
        return script.caseNumber() + ":" + personKey(script).substring(0, 16);
    }

    /** The person key the police's adapter published for the case's first official, as the case's file shows it. */
    private static String personKey(CaseScript script) {
        JsonNode officials = core.get("/api/gang-cases/" + script.caseNumber()).successfully().path("officials");
        assertThat(officials.path(0).path("name").asText()).isEqualTo(script.officials().get(0).name());
        String key = officials.path(0).path("personKey").asText();
        assertThat(key).matches("[0-9a-f]{64}");
        return key;
    }

    private static void awaitCaseFacts(CaseScript script, int facts) throws InterruptedException {
        await(() -> {
            JsonHttp.Response file = core.get("/api/gang-cases/" + script.caseNumber());
            return file.status() == 200 && file.body().path("facts").size() == facts;
        }, facts + " facts of " + script.caseNumber() + " on its file");
    }

    /** The clue's facts on the ledger, its supervision beside them. */
    private static void awaitClueFacts(UmbrellaClue clue) throws InterruptedException {
        String clueId = clueIds.get(clue);
        int facts = clue.facts() - (clue.supervisedAt() == null ? 0 : 1);
        await(() -> {
            JsonHttp.Response entry = core.get("/api/ledger/clues/" + clueId);
            return entry.status() == 200 && entry.body().path("timelines").path("sender").size()
                    + entry.body().path("timelines").path("receiver").size() >= facts
                    && (clue.supervisedAt() == null || entry.body().hasNonNull("supervision"));
        }, facts + " facts of " + clueId + " on the ledger");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }

    private static List<String> rows(JsonNode table) {
        List<String> rows = new ArrayList<>();
        table.path("rows").forEach(row -> rows.add(String.join("|", StreamSupport.stream(row.spliterator(), false)
                .map(JsonNode::asText).toList())));
        return rows;
    }
}
