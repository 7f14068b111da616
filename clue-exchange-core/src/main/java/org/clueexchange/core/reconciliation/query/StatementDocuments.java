package org.clueexchange.core.reconciliation.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.core.reconciliation.statement.StatementCells;
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
    /** A SHA-256 digest or a person key, in hex. */
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{32,}");
    private static final int DIGEST_LINE = 16;
    /** The part of a column's header that names whose record it belongs to: 【移送方】, 【纪检监察机关】. */
    private static final Pattern COLUMN_GROUP = Pattern.compile("【[^】]+】");
    /**
     * Tables of more columns print each record over two rows: on A4 a row of seventeen columns or more leaves some too
     * narrow for a word, a time or a digest.
     */
    private static final int WIDE_TABLE_COLUMNS = 16;

    /**
     * How the page prints: A4 landscape, the statement id and the page number in the margin of every sheet, each
     * table's header again on each sheet it runs onto, no row (nor a record laid over two) split across two sheets,
     * no heading left alone at the foot of a sheet, and the header row's shading kept, which browsers leave out of
     * print unless told.
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
              .zone { font-size: 9pt; text-align: center; margin: 0 0 8pt; }
              h2 { font-size: 12pt; margin-top: 1.5em; break-after: avoid; }
              table { border-collapse: collapse; width: 100%; font-size: 9pt; }
              tr { break-inside: avoid; }
              thead { display: table-header-group; }
              th, td { border: 1px solid #444; padding: 2px 3px; vertical-align: top; }
              th { background: #eee; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
              th .en { font-weight: normal; }
              table.paired th .group { white-space: nowrap; }
              table.paired { font-size: 8.5pt; }
              table.paired th, table.paired td { padding: 1px 2px; }
              table.paired tr.second th { background: #f6f6f6; }
              table.paired tr.second td { border-top: 1px dotted #888; height: 1.2em; }
              tbody.record { break-inside: avoid; }
              tbody.record tr:first-child td { border-top: 1.5px solid #000; }
              td.h { font-family: "Noto Sans Mono CJK SC", "Noto Sans Mono", monospace; }
              table.paired td.h { min-width: 33ch; }
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
                .append(escape(englishTitle)).append("</small></h1>\n")
                .append("<p class=\"zone\">时间均为北京时间 (UTC+8)　All times are China Standard Time (CST)</p>\n");
        for (ReportTable table : tables) {
            page.append("<h2>").append(escape(table.title())).append("</h2>\n");
            if (table.columns().size() > WIDE_TABLE_COLUMNS) {
                pairedRows(page, table);
            } else {
                singleRows(page, table);
            }
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

    private static void singleRows(StringBuilder page, ReportTable table) {
        page.append("<table>\n<thead><tr>");
        table.columns().forEach(column -> page.append(headerHtml(column, 1, 1)));
        page.append("</tr></thead>\n<tbody>\n");
        if (table.rows().isEmpty()) {
            page.append(none(table.columns().size()));
        }
        for (List<Object> row : table.rows()) {
            page.append("<tr>");
            row.forEach(cell -> page.append(cellHtml(cell, 1, 1)));
            page.append("</tr>\n");
        }
        page.append("</tbody>\n</table>\n");
    }

    /**
     * A table too wide for one row per record on A4 (a line's twenty columns): its first column, the record's key,
     * spans two rows, and the other columns are laid over those two rows (see {@link #secondRow}), under a header of
     * two rows laid out alike. Each record is a tbody of its own, so that its two rows print on one sheet.
     */
    private static void pairedRows(StringBuilder page, ReportTable table) {
        List<Integer> second = secondRow(table.columns());
        List<Integer> first = firstRow(table.columns(), second);
        int width = Math.max(first.size(), second.size());
        page.append("<table class=\"paired\">\n<thead>\n<tr>")
                .append(headerHtml(table.columns().get(0), 2, 1));
        pairedCells(page, first, width, (c, span) -> headerHtml(table.columns().get(c), 1, span));
        page.append("</tr>\n<tr class=\"second\">");
        pairedCells(page, second, width, (c, span) -> headerHtml(table.columns().get(c), 1, span));
        page.append("</tr>\n</thead>\n");
        if (table.rows().isEmpty()) {
            page.append("<tbody>\n").append(none(width + 1)).append("</tbody>\n");
        }
        for (List<Object> row : table.rows()) {
            page.append("<tbody class=\"record\">\n<tr>").append(cellHtml(row.get(0), 2, 1));
            pairedCells(page, first, width, (c, span) -> cellHtml(row.get(c), 1, span));
            page.append("</tr>\n<tr class=\"second\">");
            pairedCells(page, second, width, (c, span) -> cellHtml(row.get(c), 1, span));
            page.append("</tr>\n</tbody>\n");
        }
        page.append("</table>\n");
    }

    /** The cells of the columns given, the last spanning what the row has fewer than the table's width. */
    private static void pairedCells(StringBuilder page, List<Integer> columns, int width,
                                    BiFunction<Integer, Integer, String> cell) {
        for (int i = 0; i < columns.size(); i++) {
            page.append(cell.apply(columns.get(i), i == columns.size() - 1 ? width - i : 1));
        }
    }

    /**
     * The columns of a wide table's second row: those of its last group (【接收方】, the receiver's record, below the
     * line and the sender's record), so that each side's record reads on a row of its own; a table without groups
     * continues half way along.
     */
    private static List<Integer> secondRow(List<String> columns) {
        String lastGroup = null;
        for (String column : columns) {
            Matcher group = COLUMN_GROUP.matcher(column);
            if (group.lookingAt()) {
                lastGroup = group.group();
            }
        }
        List<Integer> second = new ArrayList<>();
        for (int c = 1; c < columns.size(); c++) {
            if (lastGroup == null ? c > columns.size() / 2 : columns.get(c).startsWith(lastGroup)) {
                second.add(c);
            }
        }
        return second;
    }

    /**
     * The other columns but the key, in their order, except that one of the same name as a second-row column stands
     * above it: the sender's digest above the receiver's, to be compared by eye.
     */
    private static List<Integer> firstRow(List<String> columns, List<Integer> second) {
        List<Integer> first = new ArrayList<>();
        Integer[] above = new Integer[second.size()];
        for (int c = 1; c < columns.size(); c++) {
            if (!second.contains(c)) {
                first.add(c);
            }
        }
        List<Integer> rest = new ArrayList<>(first);
        for (int slot = 0; slot < Math.min(first.size(), second.size()); slot++) {
            String name = chineseName(columns.get(second.get(slot)));
            for (Integer c : rest) {
                if (chineseName(columns.get(c)).equals(name)) {
                    above[slot] = c;
                }
            }
            rest.remove(above[slot]);
        }
        List<Integer> ordered = new ArrayList<>();
        for (int slot = 0; slot < first.size(); slot++) {
            ordered.add(slot < above.length && above[slot] != null ? above[slot] : rest.remove(0));
        }
        return ordered;
    }

    /** A column's name without whose record it is and without its English: 内容摘要 of 【移送方】内容摘要 Sender digest. */
    private static String chineseName(String column) {
        String name = withoutGroup(column);
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    private static String none(int columns) {
        return "<tr><td class=\"none\" colspan=\"" + columns + "\">无 None</td></tr>\n";
    }

    /**
     * A column's header: whose record it belongs to (【接收方】) on a line of its own, its Chinese name, and its
     * English one beneath, whose words are never broken inside.
     */
    private static String headerHtml(String zoned, int rows, int columns) {
        String column = StatementCells.withoutZone(zoned);
        String name = withoutGroup(column);
        String prefix = name.length() < column.length() ? "<span class=\"group\">"
                + escape(column.substring(0, column.length() - name.length())) + "</span><br>" : "";
        int space = name.indexOf(' ');
        String lines = space < 0 ? escape(name) : escape(name.substring(0, space)) + "<br><span class=\"en\">"
                + escape(name.substring(space + 1)) + "</span>";
        return "<th" + span(rows, columns) + ">" + prefix + lines + "</th>";
    }

    private static String withoutGroup(String column) {
        Matcher group = COLUMN_GROUP.matcher(column);
        return group.lookingAt() ? column.substring(group.end()) : column;
    }

    private static String span(int rows, int columns) {
        return (rows > 1 ? " rowspan=\"" + rows + "\"" : "") + (columns > 1 ? " colspan=\"" + columns + "\"" : "");
    }

    /**
     * A cell as it prints in a column as narrow as the table needs: a count or a ratio to the right; a time with its
     * date and its clock each kept on one line, where it would otherwise break at every hyphen; a digest or a person
     * key in lines of sixteen hex digits, one under another to be compared by eye; a short cell (a name, a rank, a
     * place's code) on one line; a long run of letters and digits (a break's item, a code) broken wherever the
     * column ends, where it would otherwise push the table off the paper.
     */
    private static String cellHtml(Object cell, int rows, int columns) {
        String text = String.valueOf(cell);
        String td = "<td" + span(rows, columns);
        if (cell instanceof Number || FIGURE.matcher(text).matches()) {
            return td + " class=\"n\">" + escape(text) + "</td>";
        }
        Matcher time = PRINTED_TIME.matcher(text);
        if (time.matches()) {
            return td + "><span>" + time.group(1) + "</span> <span>" + time.group(2) + "</span></td>";
        }
        if (HEX_DIGEST.matcher(text).matches()) {
            StringBuilder digest = new StringBuilder(td).append(" class=\"h\">");
            for (int i = 0; i < text.length(); i += DIGEST_LINE) {
                digest.append(i == 0 ? "" : " ").append("<span>")
                        .append(text, i, Math.min(text.length(), i + DIGEST_LINE)).append("</span>");
            }
            return digest.append("</td>").toString();
        }
        if (text.codePointCount(0, text.length()) <= SHORT_CELL) {
            return td + " class=\"s\">" + escape(text) + "</td>";
        }
        return td + (UNBROKEN_RUN.matcher(text).find() ? " class=\"k\">" : ">") + escape(text) + "</td>";
    }

    /** Of the document's id only letters, digits and hyphens go into the page's CSS, as a statement id is made. */
    private static String cssString(String statementId) {
        return statementId.replaceAll("[^A-Za-z0-9-]", "");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
