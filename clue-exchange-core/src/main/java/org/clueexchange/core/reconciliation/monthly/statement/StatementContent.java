package org.clueexchange.core.reconciliation.monthly.statement;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.clueexchange.core.reconciliation.statement.BreakNotes;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.core.reconciliation.statement.StatementText;

/**
 * What a monthly statement (对账单) says, and what its digest covers: every line with both sides' records and their
 * breaks, the amendments to statements already confirmed, and the summary tables.
 *
 * @param scope the jurisdiction's level: a province's statement covers its prefectures and counties, a
 *              prefecture's its counties
 */
public record StatementContent(String statementId, String jurisdiction, String scope, String period,
                               Instant periodStart, Instant periodEnd, List<StatementLine> lines,
                               List<Amendment> amendments, List<ReportTable> summary) implements StatementText {

    public StatementContent {
        lines = List.copyOf(lines);
        amendments = List.copyOf(amendments);
        summary = List.copyOf(summary);
    }

    /** How many breaks the lines carry. */
    public long breakCount() {
        return lines.stream().mapToLong(line -> line.breaks().size()).sum();
    }

    @Override
    public List<List<Object>> figures() {
        return List.of(List.of("线索数 Lines", lines.size()), List.of("差异数 Breaks", breakCount()),
                List.of("更正数 Amendments", amendments.size()));
    }

    @Override
    public List<ReportTable> tables(BreakNotes notes) {
        return MonthlyTables.all(this, notes);
    }

    @Override
    public ReportTable lineTable() {
        return MonthlyTables.lines(this);
    }

    @Override
    public Set<String> breakCategories() {
        return Arrays.stream(BreakCategory.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean listsBreak(String itemId, String category) {
        return lines.stream().anyMatch(line -> line.clueId().equals(itemId)
                && line.breaks().stream().anyMatch(found -> found.category().name().equals(category)));
    }

    @Override
    public String overview() {
        return "线索 " + lines.size() + " lines · 差异 " + breakCount() + " breaks · 更正 " + amendments.size()
                + " amendments";
    }
}
