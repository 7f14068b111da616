package org.clueexchange.core.workbench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clueexchange.core.reconciliation.statement.AgingBucket;
import org.clueexchange.core.reconciliation.statement.ReportTable;

/**
 * The statement page's charts as ECharts options, drawn up on the server from the statement's own figures, so that
 * the page's script only hands them to ECharts and every figure a chart shows is one a table beside it prints.
 */
final class StatementCharts {

    /** One chart: its title and its ECharts option as JSON, for the page to hand over as it is. */
    record Chart(String id, String title, String option) {

        Chart(String id, String title, Map<String, Object> option) {
            this(id, title, json(option));
        }
    }

    /** One month's transfers per direction, from that month's statement, as the month-by-month chart plots them. */
    record MonthOfTransfers(String month, Map<String, Long> byDirection) {
    }

    private static final String PALETTE_RED = "#b0241b";
    /** Pixels: a few categories draw bars, not slabs. */
    private static final int BAR_WIDTH = 36;
    /** Options are maps of texts and counts, which need no configured mapper. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatementCharts() {
    }

    /** 差异账龄: the breaks of each category, stacked by how old they are at the period's end. */
    static Chart breaksByAge(BreakQueue queue) {
        Map<String, String> categories = queue.categories();
        List<Object> series = new ArrayList<>();
        for (AgingBucket bucket : AgingBucket.values()) {
            List<Long> counts = categories.keySet().stream().map(category -> queue.items().stream()
                    .filter(item -> item.category().equals(category) && item.aging() == bucket).count()).toList();
            series.add(Map.of("name", bucket.label(), "type", "bar", "stack", "aging", "barMaxWidth", BAR_WIDTH,
                    "data", counts));
        }
        return new Chart("chart-aging", "差异类别与账龄 Breaks by category and age",
                bars(List.copyOf(categories.values()), series));
    }

    /** 逐月移送: the clues transferred in each direction, month by month, from the statements issued for them. */
    static Chart transfersByMonth(List<MonthOfTransfers> months) {
        List<String> directions = months.stream().flatMap(month -> month.byDirection().keySet().stream())
                .distinct().toList();
        List<Object> series = directions.stream().<Object>map(direction -> Map.of("name", direction, "type", "line",
                "smooth", false, "symbolSize", 8, "data", months.stream()
                        .map(month -> month.byDirection().getOrDefault(direction, 0L)).toList())).toList();
        return new Chart("chart-months", "逐月移送线索 Clues transferred per direction, month by month",
                bars(months.stream().map(MonthOfTransfers::month).toList(), series));
    }

    /**
     * A summary table as bars of one count column, grouped as the table is: rows of a direction and a group (办结结果,
     * 职级) give a bar per group in each direction's series; rows of a label alone give a bar per label in each
     * count column's series. Axis labels are the Chinese words alone, the English being in the table beside.
     */
    static Optional<Chart> ofTable(String id, Optional<ReportTable> found, List<Integer> countColumns) {
        return found.map(table -> {
            Map<String, Map<String, Long>> bySeries = new LinkedHashMap<>();
            List<String> labels = new ArrayList<>();
            for (List<Object> row : table.rows()) {
                boolean grouped = !(row.get(1) instanceof Number);
                String label = chinese(row.get(grouped ? 1 : 0));
                if (!labels.contains(label)) {
                    labels.add(label);
                }
                for (int column : countColumns) {
                    String series = grouped ? row.get(0).toString() : table.columns().get(column);
                    bySeries.computeIfAbsent(series, name -> new LinkedHashMap<>())
                            .merge(label, ((Number) row.get(column)).longValue(), Long::sum);
                }
            }
            List<Object> series = new ArrayList<>();
            bySeries.forEach((name, counts) -> series.add(Map.of("name", name, "type", "bar",
                    "barMaxWidth", BAR_WIDTH, "data",
                    labels.stream().map(label -> counts.getOrDefault(label, 0L)).toList())));
            return new Chart(id, table.title(), bars(labels, series));
        });
    }

    private static String chinese(Object label) {
        String text = label.toString();
        int space = text.indexOf(' ');
        return space > 0 ? text.substring(0, space) : text;
    }

    private static String json(Map<String, Object> option) {
        try {
            return JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chart's option is not JSON", e);
        }
    }

    private static Map<String, Object> bars(List<String> categories, List<Object> series) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("color", List.of(PALETTE_RED, "#1f4e8c", "#d48806", "#5b8c3a", "#7a5195"));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0, "type", "scroll"));
        option.put("grid", Map.of("left", 40, "right", 16, "top", 36, "bottom", 8, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", categories,
                "axisLabel", Map.of("interval", 0, "fontSize", 11)));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", series);
        // Drawn at once, so that what is printed or captured is the whole chart.
        option.put("animation", false);
        return option;
    }
}
