package org.clueexchange.core.reconciliation.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Writes a statement of any cadence out in the format an officer asked for. */
@Component
public class StatementDocuments {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** A time as {@code StatementCells.time} prints it. */
    private static final Pattern PRINTED_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2})");
    /** A ratio or an average, written out as text: {@code 100.0%}, {@code 11.50}. */
    private static final Pattern FIGURE = Pattern.compile("\\d+\\.\\d+%?");
    /** Letters and digits a browser finds nowhere to break in, long enough to widen a column by themselves. */
    private static final Pattern UNBROKEN_RUN = Pattern.compile("[\\p{Alnum}_:@.]{16,}");
    private static final int SHORT_CELL = 8;
    /**
     * Tables of more columns print smaller, and their headers' English words break where a column ends: a table of
     * twenty columns is too narrow on A4 for every word of its header.
     */
    private static final int WIDE_TABLE_COLUMNS = 12;

    /**
     * How the page prints: A4 landscape, the statement id and the page number in the margin of every sheet, each
     * table's header again on each sheet it runs onto, no row split across two sheets, no heading left alone at the
     * foot of a sheet, and the header row's shading kept, which browsers leave out of print unless told.
     */
    private static final String PAGE_STYLE = """
            <style>
              @page {
                size: A4 landscape;
                margin: 12mm 12mm 14mm;
                @bottom-left { content: "{statement}"; font-size: 8pt; }
                @bottom-right { content: "第 " counter(page) " 页 共 " counter(pages) " 页 Page " counter(page)
                    " of " counter(pages); font-size: 8pt; }
              }
              body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10pt; }
              h1 { font-size: 16pt; text-align: center; }
              h2 { font-size: 12pt; margin-top: 1.5em; break-after: avoid; }
              table { border-collapse: collapse; width: 100%; font-size: 9pt; }
              tr { break-inside: avoid; }
              thead { display: table-header-group; }
              th, td { border: 1px solid #444; padding: 2px 3px; vertical-align: top; }
              table.wide { font-size: 8pt; }
              table.wide th, table.wide td { padding: 2px; }
              table.wide th { overflow-wrap: anywhere; }
              th { background: #eee; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
              td.n { text-align: right; white-space: nowrap; }
              td.s { white-space: nowrap; }
              td.k { overflow-wrap: anywhere; }
              td.none { text-align: center; color: #444; }
              td span { white-space: nowrap; }
              .signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 2.5em 4em; margin-top: 3em;
                            break-inside: avoid; }
              .signature .line { border-bottom: 1px solid #000; height: 3em; margin-bottom: 0.6em; }
            </style>
            """;

    private final ObjectMapper json;

    public StatementDocuments(ObjectMapper json) {
        this.json = json;
    }

    public byte[] write(StatementView statement, StatementFormat format) {
        try {
            return switch (format) {
                case JSON -> json.writerWithDefaultPrettyPrinter().writeValueAsBytes(statement);
                case CSV -> csv(statement);
                case XLSX -> StatementXlsx.write(tables(statement));
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

    /**
     * A text an agency wrote that starts like a formula (= + - @, or a tab or carriage return, as OWASP lists them
     * for CSV injection) is written with an apostrophe before it: a spreadsheet program would otherwise run it when
     * an officer opens the file. Counts are numbers, never texts.
     */
    private static void csvRow(StringBuilder text, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            String cell = String.valueOf(value);
            if (!(value instanceof Number) && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
            text.append(i == 0 ? "" : ",").append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        text.append("\r\n");
    }

    /** A page to print ({@link #PAGE_STYLE}), with the signature blocks of the statement's cadence at its end. */
    private static String html(StatementView statement) {
        Cadence cadence = statement.cadence();
        return page(statement.statementId(), cadence.title(), cadence.englishTitle(), tables(statement),
                cadence.signatories());
    }

    /**
     * A document printed as statements are ({@link #PAGE_STYLE}): its title in Chinese with English beneath, its
     * tables, and a block to sign for each signatory at its end. The document id goes into every sheet's margin.
     */
    public static String page(String documentId, String title, String englishTitle, List<ReportTable> tables,
                              String... signatories) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="UTF-8">
                <title>""").append(escape(documentId)).append("</title>\n")
                .append(PAGE_STYLE.replace("{statement}", cssString(documentId))).append("""
                </head>
                <body>
                """).append("<h1>").append(escape(title)).append("<br><small>")
                .append(escape(englishTitle)).append("</small></h1>\n");
        for (ReportTable table : tables) {
            page.append("<h2>").append(escape(table.title())).append("</h2>\n")
                    .append(table.columns().size() > WIDE_TABLE_COLUMNS ? "<table class=\"wide\">" : "<table>")
                    .append("\n<thead><tr>");
            table.columns().forEach(column -> page.append("<th>").append(escape(column)).append("</th>"));
            page.append("</tr></thead>\n<tbody>\n");
            if (table.rows().isEmpty()) {
                page.append("<tr><td class=\"none\" colspan=\"").append(table.columns().size())
                        .append("\">无 None</td></tr>\n");
            }
            for (List<Object> row : table.rows()) {
                page.append("<tr>");
                row.forEach(cell -> page.append(cellHtml(cell)));
                page.append("</tr>\n");
            }
            page.append("</tbody>\n</table>\n");
        }
        page.append("<div class=\"signatures\">\n");
        for (String signatory : signatories) {
            page.append("  <div class=\"signature\">").append(escape(signatory))
                    .append("<div class=\"line\"></div>日期 Date：　　　　年　　月　　日</div>\n");
        }
        page.append("""
                </div>
                </body>
                </html>
                """);
        return page.toString();
    }

    /**
     * A cell as it prints in a column as narrow as the table needs: a count or a ratio to the right; a time with its
     * date and its clock each kept on one line, where it would otherwise break at every hyphen; a short cell (a name,
     * a rank, a place's code) on one line; a long run of letters and digits (a person key, a break's item, a code)
     * broken wherever the column ends, where it would otherwise push the table off the paper.
     */
    private static String cellHtml(Object cell) {
        String text = String.valueOf(cell);
        if (cell instanceof Number || FIGURE.matcher(text).matches()) {
            return "<td class=\"n\">" + escape(text) + "</td>";
        }
        Matcher time = PRINTED_TIME.matcher(text);
        if (time.matches()) {
            return "<td><span>" + time.group(1) + "</span> <span>" + time.group(2) + "</span></td>";
        }
        if (text.codePointCount(0, text.length()) <= SHORT_CELL) {
            return "<td class=\"s\">" + escape(text) + "</td>";
        }
        return (UNBROKEN_RUN.matcher(text).find() ? "<td class=\"k\">" : "<td>") + escape(text) + "</td>";
    }

    /** Of the document's id only letters, digits and hyphens go into the page's CSS, as a statement id is made. */
    private static String cssString(String statementId) {
        return statementId.replaceAll("[^A-Za-z0-9-]", "");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
