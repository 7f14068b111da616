package org.clueexchange.core.reconciliation.monthly.statement;

import java.time.Instant;
import java.util.List;

/**
 * What a monthly statement (对账单) says, and what its digest covers: every line with both sides' records and their
 * breaks, the amendments to statements already confirmed, and the summary tables.
 *
 * @param scope the jurisdiction's level: a province's statement covers its prefectures and counties, a
 *              prefecture's its counties
 */
public record StatementContent(String statementId, String jurisdiction, String scope, String period,
                               Instant periodStart, Instant periodEnd, List<StatementLine> lines,
                               List<Amendment> amendments, List<ReportTable> summary) {

    public StatementContent {
        lines = List.copyOf(lines);
        amendments = List.copyOf(amendments);
        summary = List.copyOf(summary);
    }

    /** How many breaks the lines carry. */
    public long breakCount() {
        return lines.stream().mapToLong(line -> line.breaks().size()).sum();
    }
}
