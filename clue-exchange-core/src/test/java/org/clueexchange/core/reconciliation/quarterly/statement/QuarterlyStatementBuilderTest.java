package org.clueexchange.core.reconciliation.quarterly.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clueexchange.core.casefile.CaseClosure;
import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyFacts.CaseFact;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyFacts.UmbrellaClue;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyStatementContent.QuarterlyBreak;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialRank;
import org.junit.jupiter.api.Test;

class QuarterlyStatementBuilderTest {

    /** 2020-Q3 in China Standard Time: 1 July 00:00 to 1 October 00:00, UTC+8. */
    private static final StatementPeriod Q3 = StatementPeriod.of("530600", "2020-Q3");
    private static final Instant JULY = Instant.parse("2020-07-10T02:00:00Z");
    private static final String KEY_A = "a".repeat(64);
    private static final String KEY_B = "b".repeat(64);
    private static final String KEY_C = "c".repeat(64);

    private final List<CaseFact> facts = new ArrayList<>();
    private final List<UmbrellaClue> clues = new ArrayList<>();
    private long position;

    @Test
    void aCaseWhoseOfficialsWereReferredFollowedUpAndFoundHasNoBreak() {
        solvedCase("C1", GangCaseType.EVIL_FORCE_GANG, JULY);
        involved("C1", KEY_A, OfficialRank.TOWNSHIP_SECTION, JULY);
        clue("X1", "C1", JULY.plusSeconds(60), KEY_A);
        followUp("C1", KEY_A, OfficialRank.TOWNSHIP_SECTION, JULY.plusSeconds(120));
        finding("C1", KEY_A, true, JULY.plusSeconds(180));

        QuarterlyStatementContent statement = build();

        assertThat(statement.breaks()).isEmpty();
        assertThat(statement.findings()).isEmpty();
        assertThat(statement.cases()).singleElement().satisfies(line -> {
            assertThat(line.officials()).singleElement().satisfies(official -> {
                assertThat(official.umbrellaClueIds()).containsExactly("X1");
                assertThat(official.umbrellaFound()).isTrue();
            });
        });
        assertThat(rows(statement, 0)).containsExactly(List.of("恶势力团伙", 1, 1, "100.0%", 1, 1, "100.0%"));
    }

    @Test
    void eachBreakIsReportedOnceWithTheAgencyToAct() {
        solvedCase("C1", GangCaseType.EVIL_FORCE_GANG, JULY);
        involved("C1", KEY_A, OfficialRank.TOWNSHIP_SECTION, JULY);
        involved("C1", KEY_B, OfficialRank.COUNTY_DIVISION, JULY);
        clue("X1", "C1", JULY.plusSeconds(60), KEY_B);
        fact(CaseFactKind.FOLLOW_UP_OPENED, "C9", "530602", JULY, f -> f);
        clues.add(new UmbrellaClue("X2", "530600", null, null, null, JULY, JULY, List.of(), JULY.plusSeconds(86_400),
                null));

        QuarterlyStatementContent statement = build();

        assertThat(statement.breaks()).extracting(QuarterlyBreak::category, QuarterlyBreak::partyToAct,
                QuarterlyBreak::item).containsExactly(
                tuple(QuarterlyBreakCategory.OFFICIAL_NOT_REFERRED, PartyToAct.POLICE, "C1:" + KEY_A.substring(0, 16)),
                tuple(QuarterlyBreakCategory.REFERRAL_NOT_FOLLOWED_UP, PartyToAct.DISCIPLINE, "C1:" + KEY_B.substring(0, 16)),
                tuple(QuarterlyBreakCategory.FOLLOW_UP_OF_UNREGISTERED_CASE, PartyToAct.POLICE, "C9"),
                tuple(QuarterlyBreakCategory.UNFOUNDED_WITHOUT_SUPERVISION, PartyToAct.DISCIPLINE, "X2"));
        assertThat(statement.breaks().get(0).ageDays()).isEqualTo(82);
    }

    @Test
    void anOfficialTheCommissionRecordsAtAnotherRankMakesBothRanksCountDifferently() {
        solvedCase("C1", GangCaseType.EVIL_FORCE_GANG, JULY);
        involved("C1", KEY_A, OfficialRank.TOWNSHIP_SECTION, JULY);
        involved("C1", KEY_B, OfficialRank.TOWNSHIP_SECTION, JULY);
        clue("X1", "C1", JULY.plusSeconds(60), KEY_A, KEY_B);
        followUp("C1", KEY_A, OfficialRank.COUNTY_DIVISION, JULY.plusSeconds(86_400));
        followUp("C1", KEY_B, OfficialRank.TOWNSHIP_SECTION, JULY.plusSeconds(86_400));
        solvedCase("C2", GangCaseType.EVIL_FORCE_GANG, JULY);
        involved("C2", KEY_C, OfficialRank.GENERAL_STAFF, JULY);

        QuarterlyStatementContent statement = build();

        assertThat(statement.breaks()).extracting(QuarterlyBreak::category, QuarterlyBreak::item,
                QuarterlyBreak::since).containsExactly(
                tuple(QuarterlyBreakCategory.OFFICIAL_NOT_REFERRED, "C2:" + KEY_C.substring(0, 16), JULY),
                tuple(QuarterlyBreakCategory.RANK_COUNT_DIFFERS, "COUNTY_DIVISION", JULY.plusSeconds(86_400)),
                tuple(QuarterlyBreakCategory.RANK_COUNT_DIFFERS, "TOWNSHIP_SECTION", JULY.plusSeconds(86_400)));
        assertThat(rows(statement, 2)).containsExactly(List.of("县处级", 0, 1, -1), List.of("乡科级", 2, 1, 1),
                List.of("一般干部", 1, 0, 1), List.of("合计 total", 3, 2, 1));
    }

    @Test
    void aNoUmbrellaCaseIsCompleteOnlyWithThreeSignaturesByThreePeople() {
        solvedCase("TWO", GangCaseType.VILLAGE_TYRANT, JULY);
        noUmbrella("TWO", JULY.plusSeconds(3600));
        sign("TWO", EndorsementRole.FOLLOW_UP_OFFICER, "p1", JULY.plusSeconds(4000));
        sign("TWO", EndorsementRole.LEADER_IN_CHARGE, "p2", JULY.plusSeconds(4000));
        solvedCase("SAME", GangCaseType.VILLAGE_TYRANT, JULY);
        noUmbrella("SAME", JULY.plusSeconds(3600));
        sign("SAME", EndorsementRole.FOLLOW_UP_OFFICER, "p1", JULY.plusSeconds(4000));
        sign("SAME", EndorsementRole.LEADER_IN_CHARGE, "p2", JULY.plusSeconds(4000));
        sign("SAME", EndorsementRole.PRINCIPAL_LEADER, "p2", JULY.plusSeconds(4000));
        solvedCase("EARLY", GangCaseType.VILLAGE_TYRANT, JULY);
        sign("EARLY", EndorsementRole.FOLLOW_UP_OFFICER, "p1", JULY.plusSeconds(100));
        sign("EARLY", EndorsementRole.LEADER_IN_CHARGE, "p2", JULY.plusSeconds(100));
        sign("EARLY", EndorsementRole.PRINCIPAL_LEADER, "p3", JULY.plusSeconds(100));
        noUmbrella("EARLY", JULY.plusSeconds(3600));

        QuarterlyStatementContent statement = build();

        assertThat(statement.breaks()).extracting(QuarterlyBreak::category, QuarterlyBreak::caseNumber)
                .containsExactly(tuple(QuarterlyBreakCategory.ENDORSEMENT_INCOMPLETE, "SAME"),
                        tuple(QuarterlyBreakCategory.ENDORSEMENT_INCOMPLETE, "TWO"));
        assertThat(statement.breaks().get(0).detail()).contains("p2");
        assertThat(statement.cases()).extracting(QuarterlyStatementContent.CaseLine::caseNumber,
                QuarterlyStatementContent.CaseLine::closure).containsExactly(
                tuple("TWO", CaseClosure.Status.AWAITING_ENDORSEMENT),
                tuple("SAME", CaseClosure.Status.AWAITING_ENDORSEMENT),
                tuple("EARLY", CaseClosure.Status.CLOSED_NO_UMBRELLA));
    }

    @Test
    void aCaseSolvedAtHalfPastMidnightOnTheFirstOfJulyChinaTimeIsTheThirdQuartersNotTheSeconds() {
        solvedCase("JULY-1", GangCaseType.EVIL_FORCE_GANG, Instant.parse("2020-06-30T16:30:00Z"));

        assertThat(QuarterlyStatementBuilder.build(Q3.previous(), snapshot(), List.of()).cases()).isEmpty();
        assertThat(build().cases()).extracting(QuarterlyStatementContent.CaseLine::caseNumber)
                .containsExactly("JULY-1");
    }

    @Test
    void theFindingsAcrossBothAgencies() {
        solvedCase("C1", GangCaseType.MAFIA_TYPE_ORGANISATION, JULY);
        solvedCase("C2", GangCaseType.MAFIA_TYPE_ORGANISATION, JULY);
        involved("C1", KEY_A, OfficialRank.COUNTY_DIVISION, JULY);
        involved("C2", KEY_A, OfficialRank.COUNTY_DIVISION, JULY);
        involved("C2", KEY_C, OfficialRank.GENERAL_STAFF, JULY);
        clue("X1", "C1", JULY, KEY_A);
        clue("X2", "C2", JULY, KEY_A);
        clues.add(new UmbrellaClue("X3", "530600", "NEVER", null, null, JULY, null, List.of(), null, null));

        QuarterlyStatementContent statement = build();

        assertThat(statement.findings()).extracting(QuarterlyStatementContent.Finding::kind,
                QuarterlyStatementContent.Finding::personKey, QuarterlyStatementContent.Finding::caseNumbers,
                QuarterlyStatementContent.Finding::clueIds).containsExactly(
                tuple(FindingKind.OFFICIAL_UNKNOWN_TO_DISCIPLINE, KEY_C, List.of("C2"), List.of()),
                tuple(FindingKind.CLUE_OF_UNREGISTERED_CASE, null, List.of("NEVER"), List.of("X3")),
                tuple(FindingKind.PERSON_IN_SEVERAL, KEY_A, List.of("C1", "C2"), List.of("X1", "X2")));
    }

    @Test
    void theMismatchCheckCountsAClueWhereItsCaseIsAndOnlyInsideTheStatementsJurisdiction() {
        solvedCase("C1", GangCaseType.EVIL_FORCE_GANG, JULY);
        involved("C1", KEY_A, OfficialRank.TOWNSHIP_SECTION, JULY);
        clues.add(new UmbrellaClue("FROM-THE-PROVINCE", "530000", "C1", JULY, "530602", JULY, JULY, List.of(KEY_A),
                null, null));
        clues.add(new UmbrellaClue("ABOUT-ANOTHER-PREFECTURE", "530602", "K9", JULY, "530702", JULY, JULY,
                List.of(KEY_B), null, null));

        QuarterlyStatementContent statement = build();

        assertThat(statement.breaks()).extracting(QuarterlyBreak::category)
                .doesNotContain(QuarterlyBreakCategory.OFFICIAL_NOT_REFERRED);
        assertThat(rows(statement, 1)).containsExactly(List.of("530602", 1, 1, "1.00", 0, ""));
    }

    @Test
    void aRetraceReopensTheCaseAndItsOldSignaturesNoLongerCount() {
        solvedCase("R", GangCaseType.EVIL_FORCE_GANG, JULY);
        noUmbrella("R", JULY.plusSeconds(10));
        sign("R", EndorsementRole.FOLLOW_UP_OFFICER, "p1", JULY.plusSeconds(20));
        sign("R", EndorsementRole.LEADER_IN_CHARGE, "p2", JULY.plusSeconds(20));
        sign("R", EndorsementRole.PRINCIPAL_LEADER, "p3", JULY.plusSeconds(20));
        fact(CaseFactKind.RETRACE_ORDERED, "R", "530600", JULY.plusSeconds(30), f -> f);

        QuarterlyStatementContent statement = build();

        assertThat(statement.cases()).singleElement().satisfies(line -> {
            assertThat(line.closure()).isEqualTo(CaseClosure.Status.RETRACING);
            assertThat(line.retraced()).isTrue();
            assertThat(line.signers()).isEmpty();
        });
        assertThat(rows(statement, 1)).singleElement().satisfies(row -> assertThat(row.get(4)).isEqualTo(0));
    }

    private QuarterlyStatementContent build() {
        return QuarterlyStatementBuilder.build(Q3, snapshot(), List.of());
    }

    private QuarterlyFacts snapshot() {
        return new QuarterlyFacts(facts, clues, facts);
    }

    private static List<List<Object>> rows(QuarterlyStatementContent statement, int figure) {
        ReportTable table = statement.summary().get(figure);
        return table.rows();
    }

    private void solvedCase(String caseNumber, GangCaseType type, Instant solvedAt) {
        facts.add(new CaseFact(caseNumber, "530602", CaseFactKind.GANG_CASE_REGISTERED, id(), "POLICE@530602",
                solvedAt.minusSeconds(86_400 * 30), ++position, type, caseNumber + "案", null, null, null, null, null,
                null, null, null, null, null, null));
        facts.add(plain(CaseFactKind.GANG_CASE_SOLVED, caseNumber, "530602", solvedAt));
    }

    private void involved(String caseNumber, String key, OfficialRank rank, Instant at) {
        facts.add(new CaseFact(caseNumber, "530602", CaseFactKind.OFFICIAL_INVOLVED, id(), "POLICE@530602", at,
                ++position, null, null, key, "某" + key.charAt(0), "某局", rank, InvolvementRole.SUSPECTED_UMBRELLA,
                null, null, null, null, null, null));
    }

    private void followUp(String caseNumber, String key, OfficialRank rank, Instant at) {
        facts.add(new CaseFact(caseNumber, "530602", CaseFactKind.FOLLOW_UP_OPENED, id(), "DISCIPLINE@530602", at,
                ++position, null, null, key, null, null, rank, null, null, null, null, null, null, null));
    }

    private void finding(String caseNumber, String key, boolean found, Instant at) {
        facts.add(new CaseFact(caseNumber, "530602", CaseFactKind.UMBRELLA_FINDING_MADE, id(), "DISCIPLINE@530602",
                at, ++position, null, null, key, null, null, null, null, null, null, found, null, null, null));
    }

    private void noUmbrella(String caseNumber, Instant at) {
        finding(caseNumber, null, false, at);
    }

    private void sign(String caseNumber, EndorsementRole role, String signer, Instant at) {
        facts.add(new CaseFact(caseNumber, "530602", CaseFactKind.ENDORSEMENT_SIGNED, id(), "DISCIPLINE@530602", at,
                ++position, null, null, null, null, null, null, null, null, null, null, role, signer,
                "签字人" + signer));
    }

    private void fact(CaseFactKind kind, String caseNumber, String jurisdiction, Instant at,
                      java.util.function.UnaryOperator<CaseFact> shape) {
        facts.add(shape.apply(plain(kind, caseNumber, jurisdiction, at)));
    }

    private CaseFact plain(CaseFactKind kind, String caseNumber, String jurisdiction, Instant at) {
        return new CaseFact(caseNumber, jurisdiction, kind, id(), kind.assertedBy() + "@" + jurisdiction, at,
                ++position, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private void clue(String clueId, String caseNumber, Instant at, String... keys) {
        clues.add(new UmbrellaClue(clueId, "530602", caseNumber, JULY.minusSeconds(86_400 * 30), "530602", at, at,
                List.of(keys), null, null));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
