package org.clueexchange.core.reconciliation.query;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A statement's workbook read back with Apache POI, as a spreadsheet program reads it: each sheet's rows, a numeric
 * cell as a {@link Double}, any other as its text, an empty one as {@code ""}.
 *
 * @param sheets       by name, in the order the workbook holds them
 * @param headerFrozen the names of the sheets whose first row stays in view when scrolling
 */
public record StatementWorkbook(Map<String, List<List<Object>>> sheets, List<String> headerFrozen) {

    public static StatementWorkbook read(byte[] xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
            List<String> frozen = new ArrayList<>();
            for (Sheet sheet : workbook) {
                List<List<Object>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<Object> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : switch (cell.getCellType()) {
                            case NUMERIC -> cell.getNumericCellValue();
                            case STRING -> cell.getStringCellValue();
                            default -> cell.getCellType().name();
                        });
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getSheetName(), rows);
                PaneInformation pane = sheet.getPaneInformation();
                if (pane != null && pane.isFreezePane() && pane.getHorizontalSplitPosition() == 1) {
                    frozen.add(sheet.getSheetName());
                }
            }
            return new StatementWorkbook(sheets, frozen);
        }
    }

    public List<List<Object>> sheet(String name) {
        return sheets.get(name);
    }

    /** The rows after the header row. */
    public List<List<Object>> rows(String name) {
        List<List<Object>> rows = sheets.get(name);
        return rows.subList(1, rows.size());
    }
}
