package org.clueexchange.core.reconciliation.query;

import java.util.List;
import java.util.Set;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.statement.BreakNotes;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.core.reconciliation.statement.StatementDraft;
import org.clueexchange.core.reconciliation.statement.StatementDrafter;
import org.clueexchange.core.reconciliation.statement.StatementHistory;
import org.clueexchange.core.reconciliation.statement.StatementProgress;
import org.clueexchange.core.reconciliation.statement.StatementText;

/**
 * A test double of the drafter SPI, not a component (so no other test's core has it): quarterly statements listing
 * one gang case with one break, which prove that the machinery serves a cadence it was not written for.
 */
final class QuarterRollDrafter implements StatementDrafter {

    static final String CASE = "GANG-620000-2018-001";
    static final String BREAK = "UMBRELLA_NOT_CHECKED";

    @Override
    public Cadence cadence() {
        return Cadence.QUARTERLY;
    }

    @Override
    public Class<? extends StatementText> contentType() {
        return QuarterRoll.class;
    }

    @Override
    public StatementDraft draw(StatementPeriod period, StatementHistory history, StatementProgress progress) {
        progress.advanced("案件 cases", 1, 1);
        return new StatementDraft(new QuarterRoll(period.id(), period.jurisdiction(), period.name(), List.of(CASE),
                history.confirmed().size(), List.of(new ReportTable("案件汇总 Cases", List.of("案件 cases"),
                List.of(List.of(1))))), 0);
    }

    /** @param confirmedBefore how many earlier quarters of the jurisdiction both agencies confirmed */
    record QuarterRoll(String statementId, String jurisdiction, String period, List<String> cases,
                       int confirmedBefore, List<ReportTable> summary) implements StatementText {

        @Override
        public List<List<Object>> figures() {
            return List.of(List.of("案件数 Cases", cases.size()));
        }

        @Override
        public List<ReportTable> tables(BreakNotes notes) {
            return List.of(lineTable(), new ReportTable("差异明细 Breaks", List.of("案件 Case", "处理说明 Resolution"),
                    cases.stream().map(found -> List.<Object>of(found, String.valueOf(notes.on(found, BREAK))))
                            .toList()));
        }

        @Override
        public ReportTable lineTable() {
            return new ReportTable("案件明细 Cases", List.of("案件编号 Case"),
                    cases.stream().map(found -> List.<Object>of(found)).toList());
        }

        @Override
        public Set<String> breakCategories() {
            return Set.of(BREAK);
        }

        @Override
        public boolean listsBreak(String itemId, String category) {
            return cases.contains(itemId) && category.equals(BREAK);
        }

        @Override
        public String overview() {
            return "案件 " + cases.size() + " cases";
        }
    }
}
