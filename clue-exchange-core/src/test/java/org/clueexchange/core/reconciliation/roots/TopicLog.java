package org.clueexchange.core.reconciliation.roots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The agency topics as a test lays them out, one partition each, and where they end. */
final class TopicLog {

    private final List<AgencyRecord> records = new ArrayList<>();
    private final Map<String, Map<Integer, Long>> ends = new TreeMap<>();

    void append(List<SignedFacts.Signed> facts) {
        facts.forEach(this::append);
    }

    AgencyRecord append(SignedFacts.Signed fact) {
        long offset = ends.computeIfAbsent(fact.topic(), topic -> new TreeMap<>()).merge(0, 1L, Long::sum) - 1;
        AgencyRecord record = fact.at(0, offset);
        records.add(record);
        return record;
    }

    Cut cut() {
        return new Cut(ends);
    }

    /** Every record, in (topic, partition, offset) order. */
    List<AgencyRecord> records() {
        return records.stream().sorted(Comparator.comparing(AgencyRecord::topic)
                .thenComparingInt(AgencyRecord::partition).thenComparingLong(AgencyRecord::offset)).toList();
    }
}
