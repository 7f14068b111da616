package org.clueexchange.core.reconciliation.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A statement's workbook read back with Apache POI, as a spreadsheet program reads it: each sheet's rows, a numeric
 * cell in a date format as a {@link LocalDateTime}, any other numeric cell as a {@link Double}, a text as its text, an
 * empty one as {@code ""}, and any other cell (a formula, a boolean) by its type's name.
 *
 * @param sheets       by name, in the order the workbook holds them
 * @param headerFrozen the names of the sheets whose first row stays in view when scrolling
 * @param autoFilters  each sheet's autofilter by its range, e.g. {@code A1:T3}, for the sheets that have one
 */
public record StatementWorkbook(Map<String, List<List<Object>>> sheets, List<String> headerFrozen,
                                Map<String, String> autoFilters) {

    private static final String ZONE = "(北京时间 UTC+8)";

    public static StatementWorkbook read(byte[] xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
            List<String> frozen = new ArrayList<>();
            Map<String, String> filters = new LinkedHashMap<>();
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                List<List<Object>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<Object> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : switch (cell.getCellType()) {
                            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue()
                                    : cell.getNumericCellValue();
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
                if (sheet.getCTWorksheet().isSetAutoFilter()) {
                    filters.put(sheet.getSheetName(), sheet.getCTWorksheet().getAutoFilter().getRef());
                }
            }
            return new StatementWorkbook(sheets, frozen, filters);
        }
    }

    /**
     * What every sheet of a statement's workbook holds: an autofilter over its whole table, its header row and every
     * row; and in each column whose header names the zone (as {@code StatementCells.timeColumn} writes it) dates
     * alone, or nothing, with a date in at least one such column of the workbook.
     */
    public void assertEveryTableFilteredAndEveryTimeADate() {
        List<Object> times = new ArrayList<>();
        sheets.forEach((name, rows) -> {
            List<Object> header = rows.get(0);
            assertThat(autoFilters).as(name).containsEntry(name,
                    new CellRangeAddress(0, rows.size() - 1, 0, header.size() - 1).formatAsString());
            for (int c = 0; c < header.size(); c++) {
                if (String.valueOf(header.get(c)).contains(ZONE)) {
                    for (List<Object> row : rows.subList(1, rows.size())) {
                        Object cell = c < row.size() ? row.get(c) : "";
                        assertThat(cell).as(name + " " + header.get(c)).satisfiesAnyOf(
                                time -> assertThat(time).isInstanceOf(LocalDateTime.class),
                                empty -> assertThat(empty).isEqualTo(""));
                        times.add(cell);
                    }
                }
            }
        });
        assertThat(times).as("the times of the whole workbook").hasAtLeastOneElementOfType(LocalDateTime.class);
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
