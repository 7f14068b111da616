package org.clueexchange.core.reconciliation.roots;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the agency topics ended when a statement was issued: the end offset of every partition of both. A
 * statement's window is the records from the previous statement's cut up to its own, so that every record of the
 * topics falls in exactly one window of each jurisdiction and cadence.
 *
 * <p>Its text, as statements store it and the archive carries it, is {@code topic:partition=end} for each partition
 * in (topic, partition) order, separated by commas, e.g. {@code clue.discipline.events:0=12,clue.police.events:0=30}.
 *
 * @param ends the end offset of each partition, by topic, then partition
 */
public record Cut(Map<String, Map<Integer, Long>> ends) {

    /** Where the topics started: the cut before the first statement of a jurisdiction and cadence. */
    public static final Cut START = new Cut(Map.of());
    private static final Pattern PARTITION = Pattern.compile("([A-Za-z0-9._-]{1,249}):(\\d{1,9})=(\\d{1,19})");

    public Cut {
        Map<String, Map<Integer, Long>> sorted = new TreeMap<>();
        ends.forEach((topic, partitions) -> sorted.put(topic, Collections.unmodifiableMap(new TreeMap<>(partitions))));
        ends = Collections.unmodifiableMap(sorted);
    }

    public static Cut parse(String text) {
        Map<String, Map<Integer, Long>> ends = new TreeMap<>();
        if (text.isEmpty()) {
            return START;
        }
        for (String part : text.split(",", -1)) {
            Matcher matcher = PARTITION.matcher(part);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + part + "' is not topic:partition=end offset");
            }
            if (ends.computeIfAbsent(matcher.group(1), topic -> new TreeMap<>())
                    .put(Integer.parseInt(matcher.group(2)), Long.parseLong(matcher.group(3))) != null) {
                throw new IllegalArgumentException("partition " + matcher.group(1) + ":" + matcher.group(2)
                        + " is cut twice");
            }
        }
        return new Cut(ends);
    }

    /** Where the partition ended; a partition this cut does not know had not been written yet. */
    public long end(String topic, int partition) {
        return ends.getOrDefault(topic, Map.of()).getOrDefault(partition, 0L);
    }

    /** Whether every partition ends at or after where {@code earlier} ends it: a cut never goes back. */
    public boolean follows(Cut earlier) {
        return earlier.ends.entrySet().stream().allMatch(topic -> topic.getValue().entrySet().stream()
                .allMatch(partition -> end(topic.getKey(), partition.getKey()) >= partition.getValue()));
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        ends.forEach((topic, partitions) -> partitions.forEach((partition, end) -> {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(topic).append(':').append(partition).append('=').append(end);
        }));
        return text.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
