package org.clueexchange.core.reconciliation.statement;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.clueexchange.wire.ExchangeTime;

/**
 * How every statement writes its cells, whatever its cadence: times in China Standard Time, their columns saying so,
 * absent values empty.
 */
public final class StatementCells {

    private static final Pattern ZONED_HEADER = Pattern.compile("(.*) \\(北京时间 UTC\\+8\\) (.*) \\(CST\\)");

    private static final DateTimeFormatter CST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ExchangeTime.CHINA_STANDARD_TIME);

    private StatementCells() {
    }

    /** A time's cell: a {@link ChinaTime}, or empty where there is none. */
    public static Object time(Instant at) {
        return at == null ? "" : new ChinaTime(at);
    }

    /** The header of a column of times, naming their zone, e.g. {@code 发生时间 (北京时间 UTC+8) Occurred (CST)}. */
    public static String timeColumn(String chinese, String english) {
        return chinese + " (北京时间 UTC+8) " + english + " (CST)";
    }

    /**
     * A column's header without the zone {@link #timeColumn} names, for a page that names it once for every table:
     * on paper, the zone in each of a dozen headers would make the header too tall to repeat on every sheet.
     */
    public static String withoutZone(String header) {
        return ZONED_HEADER.matcher(header).replaceFirst("$1 $2");
    }

    /**
     * A time in a table, kept a time so that the workbook writes it as a date a spreadsheet sorts and filters; every
     * other format prints its text, to the second in China Standard Time.
     */
    public record ChinaTime(Instant instant) {

        /** The wall-clock time in Beijing, to the second, as the text shows it. */
        public LocalDateTime local() {
            return LocalDateTime.ofInstant(instant, ExchangeTime.CHINA_STANDARD_TIME).truncatedTo(ChronoUnit.SECONDS);
        }

        @Override
        public String toString() {
            return CST.format(instant);
        }
    }

    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A break as the summary by age counts it: its category, as the summary's row names it, and its age. */
    public record AgedBreak(String category, AgingBucket aging) {
    }

    /**
     * 差异汇总: how many breaks of each category fall in each aging bucket, with totals; one row per category, in the
     * order given, those without breaks too.
     */
    public static ReportTable breaksByAge(List<String> categories, List<AgedBreak> breaks) {
        Map<String, long[]> counts = new HashMap<>();
        breaks.forEach(found -> counts.computeIfAbsent(found.category(),
                category -> new long[AgingBucket.values().length])[found.aging().ordinal()]++);
        List<String> columns = new ArrayList<>(List.of("差异类别 Break"));
        for (AgingBucket bucket : AgingBucket.values()) {
            columns.add(bucket.label());
        }
        columns.add("合计 Total");
        List<List<Object>> rows = new ArrayList<>();
        for (String category : categories) {
            long[] byBucket = counts.getOrDefault(category, new long[AgingBucket.values().length]);
            List<Object> row = new ArrayList<>(List.of(category));
            Arrays.stream(byBucket).forEach(row::add);
            row.add(Arrays.stream(byBucket).sum());
            rows.add(row);
        }
        return new ReportTable("差异汇总 Breaks by category and age", columns, rows);
    }
}
