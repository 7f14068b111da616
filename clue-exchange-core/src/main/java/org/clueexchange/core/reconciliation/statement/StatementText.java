package org.clueexchange.core.reconciliation.statement;

import java.util.List;
import java.util.Set;

/**
 * What a statement says, whatever its cadence: the text both agencies confirm the digest of, kept as issued
 * ({@link StatementJson}). Each cadence's content type implements it; a record serialises its components alone, so
 * these methods add nothing to the text, and none may be named like a getter ({@code getX}, {@code isX}).
 */
public interface StatementText {

    String statementId();

    String jurisdiction();

    /** As the statement id writes it: {@code 2020-06}, {@code 2020-Q3}. */
    String period();

    /**
     * The tables the next period's statement follows its cumulative figures from, once both agencies confirmed
     * this one; in the text as {@code summary}, so that they can be read without the rest.
     */
    List<ReportTable> summary();

    /** The heading's figures, as rows of label and count: how many lines, breaks, amendments. */
    List<List<Object>> figures();

    /** Everything after the heading, in print order: the workbook's sheets, the printed page's sections. */
    List<ReportTable> tables(BreakNotes notes);

    /** The lines, one row per line: the CSV file. */
    ReportTable lineTable();

    /** The names of the break categories statements of its cadence find, whichever this one lists. */
    Set<String> breakCategories();

    /** Whether the statement lists a break of that category (by name) on that item, so that a note may explain it. */
    boolean listsBreak(String itemId, String category);

    /** The statement in one line, for the command line: e.g. {@code 线索 12 lines · 差异 3 breaks · 更正 1 amendments}. */
    String overview();
}
