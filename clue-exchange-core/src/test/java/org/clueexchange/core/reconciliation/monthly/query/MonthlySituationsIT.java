package org.clueexchange.core.reconciliation.monthly.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.core.RunningCore;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.FactSide;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.GangCaseReference;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.wire.ClueContentDigest;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTime;
import org.junit.jupiter.api.Test;

/**
 * The monthly statement on a generated half-year of Zhaotong (530600 and its counties) from August 2019: each month's
 * statement is issued once the month's facts are in, sometimes issued again before anybody confirms it, confirmed by
 * one agency and days later by the other (now and then after a confirmation of a wrong digest, which is refused),
 * while facts for it and for earlier months keep arriving after the issue, between the confirmations and after them.
 * Each month also holds the situations a statement once judged wrong:
 * <ul>
 *   <li>a clue concluded without ever being accepted, and feedback without a conclusion: sequence breaks (缺少前序事实)
 *       on the receiver;</li>
 *   <li>a receipt whose content digest differs from the transfer's: a break for both sides (双方);</li>
 *   <li>facts recorded between the issue and the confirmations: each is carried, exactly once, as an amendment by a
 *       later statement, and every cumulative figure of every month, per direction, is the previous month's as both
 *       agencies confirmed it, plus the clues the amendments of that kind bring, plus the month's own figure, as the
 *       statement's own 累计衔接 table says;</li>
 *   <li>a clue received on paper (纸质移送) before its transfer arrives: 已签收无移送记录 saying so, until the transfer,
 *       arriving after the issue, is matched to it by the clue id.</li>
 * </ul>
 * The scenario comes from a seed, printed; {@code -Dscenario.seed=} plays one again.
 */
class MonthlySituationsIT {

    private static final String JURISDICTION = "530600";
    private static final String[] AGENCIES_WITHIN = {"530600", "530602", "530621", "530624", "530628", "530681"};
    private static final YearMonth FIRST = YearMonth.of(2019, 8);
    private static final int MONTHS = 6;
    /** A month's facts arrive in four windows: before its statement is issued, after the issue, between the
     * agencies' confirmations, and after both. */
    private static final int WINDOWS = 4;
    private static final int SLOTS = MONTHS * WINDOWS;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String OFFICER = CoreCredentials.officer("530000");
    private static final Map<FactKind, String> FIGURES = countedFacts();

    /** An event to publish in a slot, the window of some month in which it reaches the ledger. */
    private record Planned(SpecificRecord event, int slot) {
    }

    /** What a month's statement, as first issued, must say of one clue: a break, its side and how its detail begins. */
    private record ExpectedBreak(int month, String clueId, String category, String side, String detail) {
    }

    /** A clue received on paper in a month, whose transfer arrives after that month's statement was issued. */
    private record ReceivedOnPaper(int month, String clueId, String senderCaseNumber) {
    }

    private record Scenario(List<Planned> plan, List<ExpectedBreak> breaks, List<ReceivedOnPaper> onPaper) {
    }

    @Test
    void eachSituationIsReportedAsItIsAndEachMonthFollowsFromTheConfirmedOneBeforeIt() throws Exception {
        long seed = Long.getLong("scenario.seed", System.nanoTime());
        System.out.printf("MonthlySituationsIT: scenario seed %d (-Dscenario.seed=%d plays it again)%n", seed, seed);
        SplittableRandom random = new SplittableRandom(seed);
        Scenario scenario = plan(random, Long.toString(seed & 0xFFFFFF, 36));
        List<Planned> plan = scenario.plan();

        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        Database database = infrastructure.postgres().createDatabase("monthly_situations");
        try (AgencyTopics topics = new AgencyTopics(infrastructure.kafka().bootstrapServers());
             RunningCore core = RunningCore.start(database, infrastructure.kafka().bootstrapServers(),
                     "monthly-situations-it");
             Connection sql = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                     database.password())) {
            JsonHttp officer = core.as(OFFICER);
            List<String> published = new ArrayList<>();
            AgencyType firstToConfirm = AgencyType.POLICE;
            int[] confirmedIssueSlot = new int[MONTHS];
            Map<Integer, JsonNode> firstIssued = new HashMap<>();
            for (int slot = 0; slot < SLOTS; slot++) {
                List<SpecificRecord> events = eventsOf(plan, slot);
                topics.publishAll(events);
                events.forEach(event -> published.add(ClueEvents.envelopeOf(event).getEventId()));
                awaitRecorded(sql, published);
                int month = slot / WINDOWS;
                switch (slot % WINDOWS) {
                    case 0 -> {
                        issue(officer, month);
                        firstIssued.put(month, statement(officer, month));
                        confirmedIssueSlot[month] = slot;
                    }
                    case 1 -> {
                        if (random.nextInt(3) == 0) {
                            issue(officer, month);
                            if (statement(officer, month).path("revision").asInt() > 1) {
                                confirmedIssueSlot[month] = slot;
                            }
                        }
                        firstToConfirm = random.nextBoolean() ? AgencyType.POLICE : AgencyType.DISCIPLINE;
                        confirm(topics, officer, month, firstToConfirm, "PARTLY_CONFIRMED", random.nextBoolean());
                    }
                    case 2 -> confirm(topics, officer, month, firstToConfirm == AgencyType.POLICE
                            ? AgencyType.DISCIPLINE : AgencyType.POLICE, "CONFIRMED", random.nextBoolean());
                    default -> {
                        // Facts after both confirmations wait for the next month's statement.
                    }
                }
            }
            issue(officer, MONTHS);

            Map<String, String> unexplained = new TreeMap<>();
            Map<String, List<Long>> expectedBridge = new TreeMap<>();
            Map<String, List<Long>> statedBridge = new TreeMap<>();
            Set<String> amendments = new HashSet<>();
            Set<String> carried = new HashSet<>();
            for (int month = 1; month <= MONTHS; month++) {
                JsonNode confirmed = statement(officer, month - 1);
                assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
                JsonNode next = statement(officer, month);
                Map<String, long[]> before = figures(confirmed);
                Map<String, long[]> figures = figures(next);
                Map<String, Set<String>> amended = new HashMap<>();
                for (JsonNode amendment : next.path("content").path("amendments")) {
                    assertThat(YearMonth.from(Instant.parse(amendment.path("occurredAt").asText())
                            .atOffset(ExchangeTime.CHINA_STANDARD_TIME))).isBefore(FIRST.plusMonths(month));
                    assertThat(amendments.add(amendment.path("clueId").asText() + " " + amendment.path("fact")
                            .asText() + " " + amendment.path("occurredAt").asText()))
                            .as("an amendment carried twice, again by %s (seed %d)", id(month), seed).isTrue();
                    carried.add(amendment.path("clueId").asText() + " " + amendment.path("occurredAt").asText());
                    FactKind fact = FactKind.valueOf(amendment.path("fact").asText());
                    if (FIGURES.containsKey(fact)) {
                        amended.computeIfAbsent(key(direction(fact, amendment.path("assertedBy")), fact),
                                any -> new HashSet<>()).add(amendment.path("clueId").asText());
                    }
                }
                for (String key : figures.keySet()) {
                    long lastMonth = before.get(key)[1];
                    long amendedClues = amended.getOrDefault(key, Set.of()).size();
                    long own = figures.get(key)[0];
                    long cumulative = figures.get(key)[1];
                    if (cumulative != lastMonth + amendedClues + own) {
                        unexplained.put(id(month) + " " + key, cumulative + " ≠ " + lastMonth + " + " + amendedClues
                                + " + " + own);
                    }
                    expectedBridge.put(id(month) + " " + key, List.of(lastMonth, amendedClues, own, cumulative, 0L));
                }
                statedBridge.putAll(bridge(next, id(month)));
            }
            assertThat(amendments).as("amendments carried by the scenario's statements").isNotEmpty();
            assertThat(carried).as("the facts recorded after the revision of their month both agencies confirmed "
                    + "was drawn up, each carried by a later statement (seed %d)", seed)
                    .isEqualTo(recordedAfterTheirMonth(plan, confirmedIssueSlot));
            for (ExpectedBreak expected : scenario.breaks()) {
                assertThat(breaksOf(firstIssued.get(expected.month()), expected.clueId()))
                        .as("%s in %s (seed %d)", expected.clueId(), id(expected.month()), seed)
                        .anySatisfy(found -> {
                            assertThat(found.path("category").asText()).isEqualTo(expected.category());
                            assertThat(found.path("sideToAct").asText()).isEqualTo(expected.side());
                            assertThat(found.path("detail").asText("")).startsWith(expected.detail());
                        });
            }
            for (ReceivedOnPaper paper : scenario.onPaper()) {
                JsonNode line = lineOf(firstIssued.get(paper.month()), paper.clueId());
                assertThat(line.path("receiverRecord").path("receiptChannel").asText()).isEqualTo("OUTSIDE");
                assertThat(line.path("senderRecord").path("transferredAt").isMissingNode()
                        || line.path("senderRecord").path("transferredAt").isNull()).isTrue();
                JsonNode entry = core.entry(paper.clueId()).orElseThrow();
                assertThat(entry.path("state").asText()).as("%s matched to its transfer", paper.clueId())
                        .isNotEqualTo("AWAITING_TRANSFER");
                assertThat(entry.path("anomalies")).extracting(anomaly -> anomaly.path("kind").asText())
                        .doesNotContain("SENDER_CASE_NUMBER_MISMATCH");
                JsonNode confirmedLine = lineOf(statement(officer, paper.month()), paper.clueId());
                boolean inConfirmed = confirmedLine.path("senderRecord").hasNonNull("transferredAt");
                boolean amended = carried.stream().anyMatch(fact -> fact.startsWith(paper.clueId() + " "));
                assertThat(inConfirmed != amended).as("%s's transfer is in %s as confirmed, or an amendment of a "
                        + "later statement, not both (seed %d)", paper.clueId(), id(paper.month()), seed).isTrue();
                if (inConfirmed) {
                    assertThat(breaksOf(statement(officer, paper.month()), paper.clueId()))
                            .extracting(found -> found.path("category").asText())
                            .doesNotContain("RECEIVED_WITHOUT_TRANSFER");
                }
            }
            assertThat(unexplained).as("本月累计 ≠ 上月确认累计 + 本月更正 + 本月, per direction and figure (seed %d)",
                    seed).isEmpty();
            assertThat(statedBridge).as("each statement's 累计衔接 table (seed %d)", seed).isEqualTo(expectedBridge);
        }
    }

    /**
     * Clues of every month, each with a lifecycle from transfer to acknowledgement that may stop at any stage and
     * run into later months, and each fact placed in a window: most before their month's statement is issued, some
     * in one of the windows after it, of their month or a later one. In every window after an issue some clue of the
     * month is transferred and received, so that each window has facts to carry.
     */
    private static Scenario plan(SplittableRandom random, String run) {
        List<Planned> plan = new ArrayList<>();
        List<ExpectedBreak> breaks = new ArrayList<>();
        List<ReceivedOnPaper> onPaper = new ArrayList<>();
        int clue = 0;
        for (int month = 0; month < MONTHS; month++) {
            int clues = 10 + random.nextInt(8);
            for (int i = 0; i < clues; i++) {
                plan.addAll(lifecycle(random, "CF-" + run + "-" + clue++, month, -1));
            }
            for (int window = 1; window < WINDOWS; window++) {
                plan.addAll(lifecycle(random, "CF-" + run + "-" + clue++, month, month * WINDOWS + window));
            }
            situations(random, "MS-" + run + "-" + month + "-", month, plan, breaks, onPaper);
        }
        plan.sort(Comparator.comparingInt(Planned::slot));
        return new Scenario(plan, breaks, onPaper);
    }

    /**
     * The month's clues of the situations a statement must judge right, early in the month and in before its
     * statement is issued, except for the transfer of the clue received on paper, which arrives after the issue.
     */
    private static void situations(SplittableRandom random, String prefix, int month, List<Planned> plan,
                                   List<ExpectedBreak> breaks, List<ReceivedOnPaper> onPaper) {
        int beforeIssue = month * WINDOWS;
        Instant at = start(month).plusSeconds(random.nextLong(10 * 86_400));

        ClueTransferred neverAccepted = situationTransfer(random, prefix + "NA", at);
        Instant concludedAt = at.plusSeconds(2 * 86_400);
        plan(plan, beforeIssue, neverAccepted, ClueEventSamples.receipt(neverAccepted, at.plusSeconds(600)),
                ClueEventSamples.conclusion(neverAccepted, concludedAt));
        breaks.add(new ExpectedBreak(month, prefix + "NA", "SEQUENCE_ANOMALY", "RECEIVER",
                "缺少前序事实: 办结 concluded at " + concludedAt + ", without 受理 accepted"));

        ClueTransferred neverConcluded = situationTransfer(random, prefix + "NC", at);
        Instant feedbackAt = at.plusSeconds(3 * 86_400);
        plan(plan, beforeIssue, neverConcluded, ClueEventSamples.receipt(neverConcluded, at.plusSeconds(600)),
                ClueEventSamples.acceptance(neverConcluded, at.plusSeconds(1200)),
                ClueEventSamples.feedback(neverConcluded, feedbackAt));
        breaks.add(new ExpectedBreak(month, prefix + "NC", "SEQUENCE_ANOMALY", "RECEIVER",
                "缺少前序事实: 反馈 feedback sent at " + feedbackAt + ", without 办结 concluded"));

        ClueTransferred differing = situationTransfer(random, prefix + "CD", at);
        ClueReceived otherCopy = ClueEventSamples.receipt(differing, at.plusSeconds(600));
        otherCopy.setContentDigest("f".repeat(64));
        plan(plan, beforeIssue, differing, otherCopy);
        breaks.add(new ExpectedBreak(month, prefix + "CD", "CONTENT_DIGEST_DIFFERS", "BOTH", ""));

        String caseNumber = "昭公（刑）立字〔2019〕" + (100 + month) + "号";
        ClueTransferred onPaperTransfer = situationTransfer(random, prefix + "PA", at);
        onPaperTransfer.getContent().setLinkedGangCase(new GangCaseReference(caseNumber,
                GangCaseType.MAFIA_TYPE_ORGANISATION));
        onPaperTransfer.setContentDigest(ClueContentDigest.of(onPaperTransfer.getContent()));
        plan(plan, beforeIssue, ClueEventSamples.receiptOutside(onPaperTransfer, caseNumber, at.plusSeconds(86_400)));
        plan(plan, beforeIssue + 1, onPaperTransfer);
        breaks.add(new ExpectedBreak(month, prefix + "PA", "RECEIVED_WITHOUT_TRANSFER", "SENDER",
                "纸质移送，移送方案号 " + caseNumber));
        onPaper.add(new ReceivedOnPaper(month, prefix + "PA", caseNumber));
    }

    /** A police transfer to the commission of one of the prefecture's counties, or of the prefecture itself. */
    private static ClueTransferred situationTransfer(SplittableRandom random, String clueId, Instant at) {
        String within = AGENCIES_WITHIN[random.nextInt(AGENCIES_WITHIN.length)];
        ClueTransferred transfer = ClueEventSamples.transfer(clueId, at);
        transfer.getEnvelope().setAssertedBy(new Agency(AgencyType.POLICE, within));
        transfer.setReceiver(new Agency(AgencyType.DISCIPLINE, within));
        return transfer;
    }

    private static void plan(List<Planned> plan, int slot, SpecificRecord... events) {
        for (SpecificRecord event : events) {
            plan.add(new Planned(event, slot));
        }
    }

    /**
     * The facts, as "clue occurredAt", that reached the ledger after the revision of their month's statement that
     * both agencies confirmed was drawn up: a slot's facts are all recorded before a statement is issued in it.
     */
    private static Set<String> recordedAfterTheirMonth(List<Planned> plan, int[] confirmedIssueSlot) {
        Set<String> late = new HashSet<>();
        for (Planned planned : plan) {
            if (planned.event() instanceof StatementConfirmed) {
                continue;
            }
            Instant occurredAt = ClueEvents.envelopeOf(planned.event()).getOccurredAt();
            int month = (int) ChronoUnit.MONTHS.between(FIRST,
                    YearMonth.from(occurredAt.atOffset(ExchangeTime.CHINA_STANDARD_TIME)));
            if (month < MONTHS && planned.slot() > confirmedIssueSlot[month]) {
                late.add(ClueEvents.envelopeOf(planned.event()).getClueId() + " " + occurredAt);
            }
        }
        return late;
    }

    private static JsonNode lineOf(JsonNode statement, String clueId) {
        for (JsonNode line : statement.path("content").path("lines")) {
            if (line.path("clueId").asText().equals(clueId)) {
                return line;
            }
        }
        throw new AssertionError(clueId + " is not listed in " + statement.path("statementId").asText());
    }

    private static List<JsonNode> breaksOf(JsonNode statement, String clueId) {
        List<JsonNode> breaks = new ArrayList<>();
        lineOf(statement, clueId).path("breaks").forEach(breaks::add);
        return breaks;
    }

    /** @param lateSlot where the transfer and the receipt are placed, or -1 to place them as any other fact */
    private static List<Planned> lifecycle(SplittableRandom random, String clueId, int month, int lateSlot) {
        String within = AGENCIES_WITHIN[random.nextInt(AGENCIES_WITHIN.length)];
        boolean toPolice = random.nextInt(4) == 0;
        Instant start = start(month);
        long spread = Duration.between(start, start(month + 1)).toSeconds() - (lateSlot < 0 ? 1 : 10 * 86_400);
        Instant at = start.plusSeconds(random.nextLong(spread));
        ClueTransferred transfer = toPolice ? ClueEventSamples.transferToPolice(clueId, at)
                : ClueEventSamples.transfer(clueId, at);
        transfer.getEnvelope().setAssertedBy(new Agency(toPolice ? AgencyType.DISCIPLINE : AgencyType.POLICE,
                within));
        transfer.setReceiver(new Agency(toPolice ? AgencyType.POLICE : AgencyType.DISCIPLINE, within));
        List<SpecificRecord> facts = new ArrayList<>(List.of(transfer));
        at = later(random, at, 600, 3 * 86_400);
        facts.add(ClueEventSamples.receipt(transfer, at));
        int outcome = random.nextInt(20);
        if (outcome < 2) {
            facts.add(ClueEventSamples.returned(transfer, later(random, at, 3600, 2 * 86_400)));
        } else if (outcome < 19) {
            at = later(random, at, 3600, 2 * 86_400);
            facts.add(ClueEventSamples.acceptance(transfer, at));
            if (random.nextInt(10) < 7) {
                at = later(random, at, 3600, 3 * 86_400);
                facts.add(ClueEventSamples.disposal(transfer, at));
                if (random.nextInt(10) < 6) {
                    at = later(random, at, 2 * 86_400, 50 * 86_400);
                    facts.add(ClueEventSamples.conclusion(transfer, at));
                    if (random.nextInt(10) < 8) {
                        at = later(random, at, 3600, 10 * 86_400);
                        FeedbackSent feedback = ClueEventSamples.feedback(transfer, at);
                        facts.add(feedback);
                        if (random.nextInt(10) < 7) {
                            facts.add(ClueEventSamples.acknowledgement(feedback, transfer,
                                    later(random, at, 3600, 10 * 86_400)));
                        }
                    }
                }
            }
        }
        List<Planned> planned = new ArrayList<>();
        int slot = 0;
        for (SpecificRecord fact : facts) {
            Instant occurredAt = ClueEvents.envelopeOf(fact).getOccurredAt();
            if (!occurredAt.isBefore(start(MONTHS))) {
                break;
            }
            slot = Math.max(slot, planned.size() < 2 && lateSlot >= 0 ? lateSlot : slotOf(random, occurredAt));
            planned.add(new Planned(fact, slot));
        }
        return planned;
    }

    /** Before its month's statement is issued, seven times in ten; otherwise in one of the six windows after. */
    private static int slotOf(SplittableRandom random, Instant occurredAt) {
        int month = (int) ChronoUnit.MONTHS.between(FIRST,
                YearMonth.from(occurredAt.atOffset(ExchangeTime.CHINA_STANDARD_TIME)));
        int onTime = month * WINDOWS;
        int earliest = month == 0 ? 0 : onTime - WINDOWS + 1;
        int slot = random.nextInt(10) < 7 ? earliest + random.nextInt(onTime - earliest + 1)
                : onTime + 1 + random.nextInt(6);
        return Math.min(slot, SLOTS - 1);
    }

    private static Instant later(SplittableRandom random, Instant at, long leastSeconds, long mostSeconds) {
        return at.plusSeconds(leastSeconds + random.nextLong(mostSeconds - leastSeconds));
    }

    private static Instant start(int month) {
        return FIRST.plusMonths(month).atDay(1).atStartOfDay().toInstant(ExchangeTime.CHINA_STANDARD_TIME);
    }

    private static List<SpecificRecord> eventsOf(List<Planned> plan, int slot) {
        return plan.stream().filter(planned -> planned.slot() == slot).map(Planned::event).toList();
    }

    /** Waits until the ledger holds every fact published so far. */
    private static void awaitRecorded(Connection sql, List<String> eventIds) throws SQLException {
        Array ids = sql.createArrayOf("uuid", eventIds.stream().map(UUID::fromString).toArray());
        try (PreparedStatement count = sql.prepareStatement(
                "SELECT count(*) FROM ledger_fact WHERE event_id = ANY(?)")) {
            count.setArray(1, ids);
            await().atMost(PATIENCE).until(() -> {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == eventIds.size();
                }
            });
        }
    }

    private static void issue(JsonHttp officer, int month) {
        officer.post("/api/reconciliation/monthly", Map.of("jurisdiction", JURISDICTION, "period",
                FIRST.plusMonths(month).toString())).successfully();
    }

    /**
     * The agency confirms the statement's current revision on its topic, days after the month, as its adapter would;
     * first, if {@code wrongDigestFirst}, a digest that is not the revision's, which the core refuses with the reason.
     */
    private static void confirm(AgencyTopics topics, JsonHttp officer, int month, AgencyType agency, String status,
                                boolean wrongDigestFirst) throws Exception {
        String statementId = id(month);
        String digest = statement(officer, month).path("digest").asText();
        String root = statement(officer, month).path("periodRoot").path("root").asText();
        Instant confirmedAt = start(month + 1).plus(Duration.ofDays(agency == AgencyType.POLICE ? 4 : 9));
        Agency confirming = new Agency(agency, JURISDICTION);
        if (wrongDigestFirst) {
            int refused = statement(officer, month).path("refusals").size();
            topics.publish(ClueEventSamples.confirmation(statementId, confirming, "0".repeat(64), root,
                    confirmedAt));
            await().atMost(PATIENCE).until(() -> statement(officer, month).path("refusals").size() > refused);
            assertThat(statement(officer, month).path("refusals").get(refused).path("reason").asText())
                    .startsWith("digest " + "0".repeat(64) + " is not that of revision ");
        }
        topics.publish(ClueEventSamples.confirmation(statementId, confirming, digest, root, confirmedAt));
        await().atMost(PATIENCE).until(() -> statement(officer, month).path("status").asText().equals(status));
    }

    private static JsonNode statement(JsonHttp officer, int month) {
        return officer.get("/api/reconciliation/monthly/" + id(month)).successfully();
    }

    private static String id(int month) {
        return new StatementPeriod(JURISDICTION, FIRST.plusMonths(month)).id();
    }

    /** The month's and the cumulative figure of each stage, per direction, from the first summary table. */
    private static Map<String, long[]> figures(JsonNode statement) {
        JsonNode table = statement.path("content").path("summary").get(0);
        List<String> columns = new ArrayList<>();
        table.path("columns").forEach(column -> columns.add(column.asText()));
        Map<String, long[]> figures = new TreeMap<>();
        for (JsonNode row : table.path("rows")) {
            Direction direction = List.of(Direction.values()).stream()
                    .filter(candidate -> candidate.label().equals(row.get(0).asText())).findFirst().orElseThrow();
            FIGURES.forEach((fact, label) -> figures.put(key(direction, fact), new long[] {
                    row.get(column(columns, label + " 本月")).asLong(),
                    row.get(column(columns, label + " 截至")).asLong()}));
        }
        return figures;
    }

    /**
     * The statement's own 累计衔接 rows, by direction and figure: last month's confirmed cumulative count, the
     * amendments, the month's own, the cumulative count and what the three leave unexplained.
     */
    private static Map<String, List<Long>> bridge(JsonNode statement, String statementId) {
        Map<String, List<Long>> rows = new TreeMap<>();
        for (JsonNode table : statement.path("content").path("summary")) {
            if (table.path("title").asText().startsWith("累计衔接")) {
                for (JsonNode row : table.path("rows")) {
                    Direction direction = List.of(Direction.values()).stream()
                            .filter(candidate -> candidate.label().equals(row.get(0).asText())).findFirst()
                            .orElseThrow();
                    FactKind fact = FIGURES.entrySet().stream()
                            .filter(figure -> figure.getValue().equals(row.get(1).asText())).findFirst()
                            .orElseThrow().getKey();
                    rows.put(statementId + " " + key(direction, fact), List.of(row.get(2).asLong(),
                            row.get(3).asLong(), row.get(4).asLong(), row.get(5).asLong(), row.get(6).asLong()));
                }
            }
        }
        return rows;
    }

    private static int column(List<String> columns, String prefix) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no column " + prefix + " in " + columns);
    }

    private static Direction direction(FactKind fact, JsonNode assertedBy) {
        AgencyType agency = AgencyType.valueOf(assertedBy.path("type").asText());
        return fact.side() == FactSide.SENDER ? Direction.sentBy(agency) : Direction.receivedBy(agency);
    }

    private static String key(Direction direction, FactKind fact) {
        return direction + " " + fact;
    }

    /** The figures that are counts of clues by a fact, as the summary heads their columns. */
    private static Map<FactKind, String> countedFacts() {
        Map<FactKind, String> figures = new EnumMap<>(FactKind.class);
        figures.put(FactKind.TRANSFERRED, "移送 transferred");
        figures.put(FactKind.RECEIVED, "签收 received");
        figures.put(FactKind.ACCEPTED, "受理 accepted");
        figures.put(FactKind.RETURNED, "退回 returned");
        figures.put(FactKind.CONCLUDED, "办结 concluded");
        return figures;
    }
}
