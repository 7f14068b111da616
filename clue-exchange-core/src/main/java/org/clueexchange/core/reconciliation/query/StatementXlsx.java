package org.clueexchange.core.reconciliation.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.core.reconciliation.statement.StatementCells;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A statement as a workbook officers sort and filter: one sheet per table, the heading first as the cover (封面),
 * each header row in bold and frozen, each table under an autofilter.
 */
final class StatementXlsx {

    /** The first sheet's name, where the heading is. */
    static final String COVER_SHEET = "封面";
    /** A time as the printed page shows it, which a spreadsheet program reads as a date format. */
    private static final String TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    /** Wide enough for {@link #TIME_FORMAT}, which a narrower column shows as #####. */
    private static final double TIME_WIDTH = 20;
    private static final int SHEET_NAME_LENGTH = 31;

    private StatementXlsx() {
    }

    /** The tables in order, the heading first. */
    static byte[] write(List<ReportTable> tables) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "clue-exchange", "1.0");
        for (int t = 0; t < tables.size(); t++) {
            ReportTable table = tables.get(t);
            Worksheet sheet = workbook.newWorksheet(t == 0 ? COVER_SHEET : sheetName(table.title()));
            for (int c = 0; c < table.columns().size(); c++) {
                sheet.value(0, c, table.columns().get(c));
                sheet.style(0, c).bold().wrapText(true).set();
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    cell(sheet, r + 1, c, row.get(c));
                }
            }
            sheet.setAutoFilter(0, 0, table.rows().size(), table.columns().size() - 1);
            sheet.freezePane(0, 1);
            sheet.finish();
        }
        workbook.finish();
        return out.toByteArray();
    }

    /**
     * What a cell is: a count a number, a time a date in China Standard Time, anything else a text, which a
     * spreadsheet program never runs as a formula, whatever it starts with.
     */
    private static void cell(Worksheet sheet, int r, int c, Object cell) {
        if (cell instanceof Number number) {
            sheet.value(r, c, number);
        } else if (cell instanceof StatementCells.ChinaTime time) {
            sheet.value(r, c, time.local());
            sheet.style(r, c).format(TIME_FORMAT).set();
            sheet.width(c, TIME_WIDTH);
        } else {
            sheet.value(r, c, String.valueOf(cell));
        }
    }

    /** Sheet names are at most 31 characters: the Chinese part of the title. */
    private static String sheetName(String title) {
        String chinese = title.split(" ")[0];
        return chinese.length() > SHEET_NAME_LENGTH ? chinese.substring(0, SHEET_NAME_LENGTH) : chinese;
    }
}
