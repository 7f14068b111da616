package org.clueexchange.api;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One page of a list read with a cursor: pass {@code next} as {@code after} to read on. An empty page keeps the
 * cursor where it was, so that a poller can simply ask again later.
 */
public record Page<T>(List<T> items, long next) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page of {@code items} read after {@code after}, whose cursor is the last item's.
     */
    public static <T> Page<T> after(long after, List<T> items, Function<T, Long> cursor) {
        return new Page<>(items, items.isEmpty() ? after : cursor.apply(items.get(items.size() - 1)));
    }

    /** The same page, each item shown as {@code view} shows it; the cursor stays. */
    public <V> Page<V> map(Function<T, V> view) {
        return new Page<>(items.stream().map(view).toList(), next);
    }

    /** The same page with only the items {@code keep} lets through; the cursor stays past all read. */
    public Page<T> filter(Predicate<T> keep) {
        return new Page<>(items.stream().filter(keep).toList(), next);
    }
}
