package org.clueexchange.core.reconciliation.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Writes a statement of any cadence out in the format an officer asked for. */
@Component
public class StatementDocuments {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ObjectMapper json;

    public StatementDocuments(ObjectMapper json) {
        this.json = json;
    }

    public byte[] write(StatementView statement, StatementFormat format) {
        try {
            return switch (format) {
                case JSON -> json.writerWithDefaultPrettyPrinter().writeValueAsBytes(statement);
                case CSV -> csv(statement);
                case XLSX -> xlsx(statement);
                case HTML -> html(statement).getBytes(StandardCharsets.UTF_8);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("statement " + statement.statementId() + " cannot be written as "
                    + format, e);
        }
    }

    private static List<ReportTable> tables(StatementView statement) {
        List<ReportTable> tables = new ArrayList<>(List.of(StatementHeading.of(statement)));
        tables.addAll(statement.content().tables(statement.notes()));
        return tables;
    }

    /**
     * The lines, one row per clue, for loading into the agencies' own systems; with a byte order mark, without which
     * spreadsheet programs on Chinese Windows read UTF-8 as GBK.
     */
    private static byte[] csv(StatementView statement) {
        ReportTable lines = statement.content().lineTable();
        StringBuilder text = new StringBuilder();
        csvRow(text, lines.columns());
        lines.rows().forEach(row -> csvRow(text, row));
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, file, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, file, UTF8_BOM.length, body.length);
        return file;
    }

    private static void csvRow(StringBuilder text, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = String.valueOf(cells.get(i));
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            text.append(i == 0 ? "" : ",").append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        text.append("\r\n");
    }

    /** One sheet per table, headers in bold, the header row frozen. */
    private static byte[] xlsx(StatementView statement) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "clue-exchange", "1.0");
        for (ReportTable table : tables(statement)) {
            Worksheet sheet = workbook.newWorksheet(sheetName(table.title()));
            for (int c = 0; c < table.columns().size(); c++) {
                sheet.value(0, c, table.columns().get(c));
                sheet.style(0, c).bold().wrapText(true).set();
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object cell = row.get(c);
                    if (cell instanceof Number number) {
                        sheet.value(r + 1, c, number);
                    } else {
                        sheet.value(r + 1, c, String.valueOf(cell));
                    }
                }
            }
            sheet.freezePane(0, 1);
            sheet.finish();
        }
        workbook.finish();
        return out.toByteArray();
    }

    /** Sheet names are at most 31 characters: the Chinese part of the title. */
    private static String sheetName(String title) {
        String chinese = title.split(" ")[0];
        return chinese.length() > 31 ? chinese.substring(0, 31) : chinese;
    }

    /** A page that prints on A4 landscape, with the signature blocks of the statement's cadence at its end. */
    private static String html(StatementView statement) {
        Cadence cadence = statement.cadence();
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="UTF-8">
                <title>""").append(escape(statement.statementId())).append("""
                </title>
                <style>
                  @page { size: A4 landscape; margin: 12mm; }
                  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10pt; }
                  h1 { font-size: 16pt; text-align: center; }
                  h2 { font-size: 12pt; margin-top: 1.5em; }
                  table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
                  tr { page-break-inside: avoid; }
                  thead { display: table-header-group; }
                  th, td { border: 1px solid #444; padding: 2px 4px; vertical-align: top; }
                  th { background: #eee; }
                  td.n { text-align: right; }
                  .signatures { display: flex; flex-wrap: wrap; justify-content: space-between; margin-top: 3em; }
                  .signatures div { width: 45%; margin-bottom: 2em; }
                </style>
                </head>
                <body>
                """).append("<h1>").append(escape(cadence.title())).append("<br><small>")
                .append(escape(cadence.englishTitle())).append("</small></h1>\n");
        for (ReportTable table : tables(statement)) {
            page.append("<h2>").append(escape(table.title())).append("</h2>\n<table>\n<thead><tr>");
            table.columns().forEach(column -> page.append("<th>").append(escape(column)).append("</th>"));
            page.append("</tr></thead>\n<tbody>\n");
            for (List<Object> row : table.rows()) {
                page.append("<tr>");
                row.forEach(cell -> page.append(cell instanceof Number ? "<td class=\"n\">" : "<td>")
                        .append(escape(String.valueOf(cell))).append("</td>"));
                page.append("</tr>\n");
            }
            page.append("</tbody>\n</table>\n");
        }
        page.append("<div class=\"signatures\">\n");
        for (String signatory : cadence.signatories()) {
            page.append("  <div>").append(escape(signatory)).append(":<br><br>日期 Date:</div>\n");
        }
        page.append("""
                </div>
                </body>
                </html>
                """);
        return page.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
