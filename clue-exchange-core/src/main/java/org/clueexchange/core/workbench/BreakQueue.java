package org.clueexchange.core.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clueexchange.core.reconciliation.monthly.statement.StatementContent;
import org.clueexchange.core.reconciliation.monthly.statement.StatementLine;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyStatementContent;
import org.clueexchange.core.reconciliation.query.StatementView;
import org.clueexchange.core.reconciliation.statement.AgingBucket;
import org.clueexchange.core.reconciliation.statement.BreakNotes;

/**
 * A statement's breaks as a work queue (差异待办): one item per break, whatever the cadence, with the note that
 * explains it if one does; filtered and sorted as the officer asks.
 */
record BreakQueue(List<Item> items) {

    /**
     * @param item   what the break is on, as a note names it: the clue, or the case, official or rank of a quarter
     * @param clueId the clue it concerns, if one: the way to its two timelines
     * @param side   who must act, by name ({@code SENDER}, {@code RECEIVER}, {@code POLICE}, …)
     * @param note   the note explaining it, with its author; none while unexplained
     */
    record Item(String item, String clueId, String category, String label, String side, String sideLabel,
                Instant since, long ageDays, AgingBucket aging, String detail, String note) {
    }

    /** What an officer narrows the queue to; null for any. */
    record Filter(String category, String side, AgingBucket aging, boolean oldestFirst) {

        boolean admits(Item item) {
            return (category == null || category.equals(item.category()))
                    && (side == null || side.equals(item.side()))
                    && (aging == null || aging == item.aging());
        }
    }

    static BreakQueue of(StatementView statement) {
        BreakNotes notes = statement.notes();
        List<Item> items = new ArrayList<>();
        if (statement.content() instanceof StatementContent monthly) {
            for (StatementLine line : monthly.lines()) {
                for (StatementLine.Break found : line.breaks()) {
                    items.add(new Item(line.clueId(), line.clueId(), found.category().name(), found.label(),
                            found.sideToAct().name(), found.sideToAct().label(), found.since(), found.ageDays(),
                            found.aging(), found.detail(), notes.on(line.clueId(), found.category().name())));
                }
            }
        } else if (statement.content() instanceof QuarterlyStatementContent quarterly) {
            for (QuarterlyStatementContent.QuarterlyBreak found : quarterly.breaks()) {
                items.add(new Item(found.item(), found.clueId(), found.category().name(), found.label(),
                        found.partyToAct().name(), found.partyToAct().label(), found.since(), found.ageDays(),
                        found.aging(), found.detail(), notes.on(found.item(), found.category().name())));
            }
        }
        return new BreakQueue(List.copyOf(items));
    }

    BreakQueue filtered(Filter filter) {
        Comparator<Item> byAge = Comparator.comparingLong(Item::ageDays);
        return new BreakQueue(items.stream().filter(filter::admits)
                .sorted((filter.oldestFirst() ? byAge.reversed() : byAge).thenComparing(Item::item))
                .toList());
    }

    /** The categories the queue holds, by name, with their labels, in the order they first appear. */
    public Map<String, String> categories() {
        Map<String, String> categories = new LinkedHashMap<>();
        items.forEach(item -> categories.putIfAbsent(item.category(), item.label()));
        return categories;
    }

    /** The sides to act the queue names, by name, with their labels. */
    public Map<String, String> sides() {
        Map<String, String> sides = new LinkedHashMap<>();
        items.forEach(item -> sides.putIfAbsent(item.side(), item.sideLabel()));
        return sides;
    }

    public long unexplained() {
        return items.stream().filter(item -> item.note() == null).count();
    }
}
