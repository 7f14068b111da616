package org.clueexchange.core.reconciliation.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.StatementStatus;
import org.clueexchange.core.reconciliation.monthly.statement.StatementContent;
import org.clueexchange.core.reconciliation.monthly.statement.StatementLine;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyFacts;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyStatementBuilder;
import org.clueexchange.core.reconciliation.statement.StatementText;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialRank;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A text an agency's system wrote that a spreadsheet program would run as a formula where an officer opens the file
 * (CSV injection, as OWASP describes it): a case number or an official's name from a system that was tricked. In
 * the CSV file of either cadence it is written with an apostrophe before it; in the workbook it is a text cell.
 */
class StatementFormulaTest {

    private static final Instant AT = Instant.parse("2020-07-10T02:00:00Z");

    private final StatementDocuments documents = new StatementDocuments(new ObjectMapper());

    /** Each text with its CSV cell: the apostrophe first, quoted where the text holds a comma, a quote or a CR. */
    static Stream<Arguments> formulas() {
        return Stream.of(
                Arguments.of("=HYPERLINK(\"http://x\",\"点此\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"点此\"\")\""),
                Arguments.of("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
                Arguments.of("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
                Arguments.of("@SUM(1+9)*cmd|' /C calc'!A0", "'@SUM(1+9)*cmd|' /C calc'!A0"),
                Arguments.of("\t=1+1", "'\t=1+1"),
                Arguments.of("\r=1+1", "\"'\r=1+1\""));
    }

    /** The receiver's case number (案号) on a monthly line. */
    @ParameterizedTest(name = "{index}: monthly")
    @MethodSource("formulas")
    void aMonthlyStatementsCaseNumberNeverRunsAsAFormula(String formula, String written) throws Exception {
        StatementPeriod june = StatementPeriod.of("530600", "2020-06");
        StatementLine line = new StatementLine("POLICE-530600-XS001", Direction.POLICE_TO_DISCIPLINE,
                AgencyId.parse("POLICE@530600"), AgencyId.parse("DISCIPLINE@530600"), LedgerState.ACCEPTED,
                new StatementLine.SenderRecord(june.start(), "ab".repeat(32), null),
                new StatementLine.ReceiverRecord(june.start().plusSeconds(600), null, "ab".repeat(32),
                        june.start().plusSeconds(1200), formula, null, null, null, null, null, null), List.of());
        StatementView statement = view(june, new StatementContent(june.id(), "530600", june.scope(), "2020-06",
                june.start(), june.end(), List.of(line), List.of(), List.of()));

        String csv = new String(documents.write(statement, StatementFormat.CSV), StandardCharsets.UTF_8);
        StatementWorkbook workbook = StatementWorkbook.read(documents.write(statement, StatementFormat.XLSX));

        assertThat(csv).startsWith("\uFEFF线索编号 Clue,移送方向 Direction")
                .contains(",【接收方】案号 Case number,")
                .contains("," + written + ",").doesNotContain("," + formula);
        assertThat(workbook.rows("线索明细").get(0)).as("a text cell, not a formula").contains(formula);
    }

    /** An official's name on a quarterly statement. */
    @ParameterizedTest(name = "{index}: quarterly")
    @MethodSource("formulas")
    void aQuarterlyStatementsOfficialNeverRunsAsAFormula(String formula, String written) throws Exception {
        StatementPeriod quarter = StatementPeriod.of("530600", "2020-Q3");
        List<QuarterlyFacts.CaseFact> facts = List.of(
                fact(CaseFactKind.GANG_CASE_REGISTERED, AT.minusSeconds(86_400), GangCaseType.EVIL_FORCE_GANG,
                        null, null, null),
                fact(CaseFactKind.GANG_CASE_SOLVED, AT, null, null, null, null),
                fact(CaseFactKind.OFFICIAL_INVOLVED, AT, null, "a".repeat(64), formula, OfficialRank.TOWNSHIP_SECTION));
        StatementView statement = view(quarter, QuarterlyStatementBuilder.build(quarter, new QuarterlyFacts(facts,
                List.of(), facts), List.of()));

        String csv = new String(documents.write(statement, StatementFormat.CSV), StandardCharsets.UTF_8);
        StatementWorkbook workbook = StatementWorkbook.read(documents.write(statement, StatementFormat.XLSX));

        assertThat(csv).startsWith("\uFEFF案件编号 Case,姓名 Name").contains("," + written + ",")
                .doesNotContain("," + formula);
        assertThat(workbook.rows("涉案公职人员明细").get(0)).as("a text cell, not a formula").contains(formula);
    }

    private static StatementView view(StatementPeriod period, StatementText content) {
        return new StatementView(period.id(), "530600", content.period(), 1, "0".repeat(64), null,
                StatementStatus.ISSUED, AT, "officer", 1, List.of(), List.of(), List.of(), content);
    }

    private static QuarterlyFacts.CaseFact fact(CaseFactKind kind, Instant at, GangCaseType type, String key,
                                                String name, OfficialRank rank) {
        return new QuarterlyFacts.CaseFact("A5306022020070009", "530602", kind, UUID.randomUUID().toString(),
                kind.assertedBy() + "@530600", at, 1, type, type == null ? null : "某某案", key, name,
                name == null ? null : "某局", rank, rank == null ? null : InvolvementRole.SUSPECTED_UMBRELLA, null, null,
                null, null, null, null);
    }
}
