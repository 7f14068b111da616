package org.clueexchange.core.reconciliation.monthly.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.query.LedgerTotals;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.events.AgencyType;
import org.junit.jupiter.api.Test;

/**
 * 累计衔接 in Zhaotong's June 2020 statement, from May's as both agencies confirmed it: the police sent ten clues by
 * the end of May and the commission had received eight of them.
 */
class SummaryTablesTest {

    private static final StatementPeriod MAY = StatementPeriod.of("530600", "2020-05");
    private static final StatementPeriod JUNE = StatementPeriod.of("530600", "2020-06");
    private static final AgencyId POLICE = new AgencyId(AgencyType.POLICE, "530602");
    private static final AgencyId DISCIPLINE = new AgencyId(AgencyType.DISCIPLINE, "530602");

    @Test
    void eachCumulativeCountIsLastMonthsConfirmedOnePlusTheCluesItsAmendmentsBringPlusTheMonthsOwn() {
        List<ReportTable> may = SummaryTables.of(totals(0, 10, 0, 8), MAY, null, List.of());
        List<Amendment> amendments = List.of(
                amendment("A", FactKind.TRANSFERRED, POLICE, true),
                // Asserted twice by the police: one clue, counted once.
                amendment("A", FactKind.TRANSFERRED, POLICE, true),
                // A transfer repeating one May's statement already counted moves no count.
                amendment("B", FactKind.TRANSFERRED, POLICE, false),
                amendment("C", FactKind.RECEIVED, DISCIPLINE, true),
                amendment("D", FactKind.DISPOSED, DISCIPLINE, true));

        List<ReportTable> june = SummaryTables.of(totals(3, 14, 2, 12), JUNE, may, amendments);

        ReportTable bridge = june.get(june.size() - 1);
        assertThat(bridge.title()).startsWith("累计衔接");
        assertThat(bridge.rows()).filteredOn(row -> row.get(0).equals(Direction.POLICE_TO_DISCIPLINE.label()))
                .extracting(row -> row.subList(1, row.size())).containsExactly(
                        List.of("移送 transferred", 10L, 1L, 3L, 14L, 0L),
                        // One received clue that no amendment explains is shown as such, not hidden.
                        List.of("签收 received", 8L, 1L, 2L, 12L, 1L),
                        List.of("受理 accepted", 0L, 0L, 0L, 0L, 0L),
                        List.of("退回 returned", 0L, 0L, 0L, 0L, 0L),
                        List.of("办结 concluded", 0L, 0L, 0L, 0L, 0L));
    }

    @Test
    void withoutLastMonthsConfirmedStatementThereIsNothingToFollowFrom() {
        assertThat(SummaryTables.of(totals(3, 14, 2, 12), JUNE, null, List.of()))
                .extracting(ReportTable::title).noneMatch(title -> title.startsWith("累计衔接"));
    }

    /** The police's clues transferred and received, in the month and cumulative to its end. */
    private static LedgerTotals totals(long transferred, long transferredTotal, long received, long receivedTotal) {
        return new LedgerTotals(List.of(
                new LedgerTotals.Count(Direction.POLICE_TO_DISCIPLINE, "TRANSFERRED", transferred, transferredTotal),
                new LedgerTotals.Count(Direction.POLICE_TO_DISCIPLINE, "RECEIVED", received, receivedTotal)),
                List.of(), List.of(), List.of());
    }

    private static Amendment amendment(String clueId, FactKind fact, AgencyId assertedBy, boolean firstOfItsKind) {
        Instant may20 = Instant.parse("2020-05-20T02:00:00Z");
        return new Amendment(clueId, fact, fact.label(), assertedBy, may20, may20, 42, MAY.id(), firstOfItsKind);
    }
}
