package org.clueexchange.core.reconciliation.statement;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clueexchange.wire.ExchangeTime;

/** How every statement writes its cells, whatever its cadence: times in China Standard Time, absent values empty. */
public final class StatementCells {

    private static final DateTimeFormatter CST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ExchangeTime.CHINA_STANDARD_TIME);

    private StatementCells() {
    }

    public static String time(Instant at) {
        return at == null ? "" : CST.format(at);
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
