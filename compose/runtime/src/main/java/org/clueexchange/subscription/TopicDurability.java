package org.clueexchange.subscription;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What a topic of the exchange must be so that nothing written to it is ever lost: kept for ever, never compacted,
 * acknowledged by enough replicas, and led only by a replica that has every acknowledged record. The judgement is a
 * pure function of what the broker reports, so that it is the same in every application and tested without one.
 */
public final class TopicDurability {

    private static final String KEPT_FOR_EVER = "-1";

    private TopicDurability() {
    }

    /** The settings the exchange creates its topics with, on a cluster that gives each partition these replicas. */
    public static Map<String, String> settings(short replicationFactor) {
        return Map.of(
                TopicConfig.RETENTION_MS_CONFIG, KEPT_FOR_EVER,
                TopicConfig.RETENTION_BYTES_CONFIG, KEPT_FOR_EVER,
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(requiredInSyncReplicas(replicationFactor)),
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false");
    }

    /**
     * A write acknowledged by one broker alone is lost with that broker, so two must have it; one is all there is
     * only on a cluster configured with a single replica (the embedded mode, the tests).
     */
    static int requiredInSyncReplicas(short replicationFactor) {
        return Math.min(2, replicationFactor);
    }

    /**
     * Why {@code topic}, as the broker describes it, could lose what is written to it: each problem names the topic,
     * the setting and its value, what it would do and what it must be. Empty when the topic is fit.
     *
     * @param config            the topic's effective configuration: its own settings over the broker's defaults
     * @param replicas          how many replicas each partition has, by partition number
     * @param replicationFactor the replicas the application is configured to expect of each partition
     */
    public static List<String> problems(String topic, Map<String, String> config, List<Integer> replicas,
                                        short replicationFactor) {
        List<String> problems = new ArrayList<>();
        String retention = config.get(TopicConfig.RETENTION_MS_CONFIG);
        if (!KEPT_FOR_EVER.equals(retention)) {
            problems.add(topic + ": " + TopicConfig.RETENTION_MS_CONFIG + " is " + shown(retention) + span(retention)
                    + ": facts older than that would be deleted; it must be " + KEPT_FOR_EVER);
        }
        String retentionBytes = config.get(TopicConfig.RETENTION_BYTES_CONFIG);
        if (!KEPT_FOR_EVER.equals(retentionBytes)) {
            problems.add(topic + ": " + TopicConfig.RETENTION_BYTES_CONFIG + " is " + shown(retentionBytes)
                    + ": a partition's oldest facts would be deleted once it holds more bytes than that; it must be "
                    + KEPT_FOR_EVER);
        }
        String cleanup = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (!TopicConfig.CLEANUP_POLICY_DELETE.equals(cleanup)) {
            problems.add(topic + ": " + TopicConfig.CLEANUP_POLICY_CONFIG + " is " + shown(cleanup)
                    + (compacts(cleanup) ? ": compaction keeps only the latest record of each key, so every fact of "
                    + "a clue but its latest would be deleted" : "") + "; it must be "
                    + TopicConfig.CLEANUP_POLICY_DELETE);
        }
        if (!"false".equals(config.get(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG))) {
            problems.add(topic + ": " + TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG + " is "
                    + shown(config.get(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG)) + ": a replica that missed "
                    + "acknowledged facts could become leader, and those facts would be gone; it must be false");
        }
        problems.addAll(replicationProblems(topic, config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), replicas,
                replicationFactor));
        return problems;
    }

    private static List<String> replicationProblems(String topic, String minInSync, List<Integer> replicas,
                                                    short replicationFactor) {
        List<String> problems = new ArrayList<>();
        List<Integer> thin = IntStream.range(0, replicas.size())
                .filter(partition -> replicas.get(partition) < replicationFactor).boxed().toList();
        if (!thin.isEmpty()) {
            problems.add(topic + ": " + thin.size() + " of its " + replicas.size() + " partitions ("
                    + String.join(", ", thin.stream().map(String::valueOf).toList()) + ") have fewer replicas than "
                    + "the replication factor " + replicationFactor + ", the fewest " + fewest(replicas)
                    + ": their facts are lost with fewer brokers; each must have " + replicationFactor);
        }
        int required = requiredInSyncReplicas(replicationFactor);
        Integer inSync = number(minInSync);
        if (inSync == null || inSync < required) {
            problems.add(topic + ": " + TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG + " is " + shown(minInSync)
                    + " with the replication factor " + replicationFactor + ": a fact acknowledged by fewer brokers "
                    + "than " + required + " is lost with them; it must be at least " + required);
        } else if (!replicas.isEmpty() && inSync > fewest(replicas)) {
            problems.add(topic + ": " + TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG + " is " + inSync
                    + " and a partition has only " + count(fewest(replicas), "replica") + ": no fact could ever be "
                    + "acknowledged; it must be at most " + fewest(replicas));
        }
        return problems;
    }

    private static boolean compacts(String cleanupPolicy) {
        return cleanupPolicy != null && Arrays.stream(cleanupPolicy.split(","))
                .anyMatch(policy -> policy.trim().equals(TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    private static int fewest(List<Integer> replicas) {
        return replicas.stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A retention in the words an operator thinks in: " (7 days)" for 604800000. */
    private static String span(String millis) {
        long value;
        try {
            value = Long.parseLong(millis);
        } catch (NumberFormatException e) {
            return "";
        }
        for (ChronoUnit unit : List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES)) {
            long size = unit.getDuration().toMillis();
            if (value > 0 && value % size == 0) {
                String units = unit.name().toLowerCase(Locale.ROOT);
                return " (" + count(value / size, units.substring(0, units.length() - 1)) + ")";
            }
        }
        return "";
    }

    private static String count(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }

    /** A setting's value as a problem quotes it, also when the broker reports none. */
    private static String shown(String value) {
        return value == null ? "unset" : value.isBlank() ? "empty" : value;
    }
}
