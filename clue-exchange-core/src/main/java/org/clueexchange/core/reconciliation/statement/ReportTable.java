package org.clueexchange.core.reconciliation.statement;

import java.util.List;

/**
 * A table of a statement as officers report it upward: a title and column headers in Chinese with English beside
 * them, and rows whose cells are labels or counts.
 */
public record ReportTable(String title, List<String> columns, List<List<Object>> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
