package org.clueexchange.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicDurabilityTest {

    private static final String TOPIC = "clue.police.events";
    private static final List<Integer> THREE_REPLICAS = List.of(3, 3, 3, 3, 3, 3);
    private static final List<Integer> ONE_REPLICA = List.of(1, 1, 1, 1, 1, 1);

    /** A topic as the broker describes one the exchange created, with settings of no concern beside its own. */
    private static Map<String, String> created(short replicationFactor) {
        Map<String, String> config = new HashMap<>(TopicDurability.settings(replicationFactor));
        config.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588");
        config.put(TopicConfig.SEGMENT_MS_CONFIG, "604800000");
        return config;
    }

    private static Map<String, String> with(String setting, String value) {
        Map<String, String> config = created((short) 3);
        config.put(setting, value);
        return config;
    }

    @Test
    void aTopicTheExchangeCreatedIsFitOnThreeReplicasAndOnOne() {
        assertThat(TopicDurability.problems(TOPIC, created((short) 3), THREE_REPLICAS, (short) 3)).isEmpty();
        assertThat(TopicDurability.problems(TOPIC, created((short) 1), ONE_REPLICA, (short) 1)).isEmpty();
        assertThat(TopicDurability.settings((short) 3)).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        assertThat(TopicDurability.settings((short) 1)).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
    }

    @Test
    void theBrokersDefaultRetentionOfSevenDaysIsNamedWithWhatItWouldDelete() {
        assertThat(TopicDurability.problems(TOPIC, with(TopicConfig.RETENTION_MS_CONFIG, "604800000"),
                THREE_REPLICAS, (short) 3)).containsExactly("clue.police.events: retention.ms is 604800000 "
                + "(7 days): facts older than that would be deleted; it must be -1");
        assertThat(TopicDurability.problems(TOPIC, with(TopicConfig.RETENTION_MS_CONFIG, "3600000"),
                THREE_REPLICAS, (short) 3)).singleElement().asString().contains("is 3600000 (1 hour):");
        assertThat(TopicDurability.problems(TOPIC, with(TopicConfig.RETENTION_MS_CONFIG, "1500"),
                THREE_REPLICAS, (short) 3)).singleElement().asString().contains("is 1500: facts older");
    }

    @Test
    void aRetentionBySizeIsRefused() {
        assertThat(TopicDurability.problems(TOPIC, with(TopicConfig.RETENTION_BYTES_CONFIG, "1073741824"),
                THREE_REPLICAS, (short) 3)).containsExactly("clue.police.events: retention.bytes is 1073741824: a "
                + "partition's oldest facts would be deleted once it holds more bytes than that; it must be -1");
    }

    @Test
    void compactionAloneOrBesideDeletionIsRefusedAndSoIsAnyOtherPolicy() {
        String compacted = "clue.police.events: cleanup.policy is compact: compaction keeps only the latest record "
                + "of each key, so every fact of a clue but its latest would be deleted; it must be delete";
        assertThat(TopicDurability.problems(TOPIC, with(TopicConfig.CLEANUP_POLICY_CONFIG, "compact"),
                THREE_REPLICAS, (short) 3)).containsExactly(compacted);
        assertThat(TopicDurability.problems(TOPIC, with(TopicConfig.CLEANUP_POLICY_CONFIG, "delete,compact"),
                THREE_REPLICAS, (short) 3)).containsExactly(compacted.replace("is compact", "is delete,compact"));
        assertThat(TopicDurability.problems(TOPIC, with(TopicConfig.CLEANUP_POLICY_CONFIG, ""),
                THREE_REPLICAS, (short) 3))
                .containsExactly("clue.police.events: cleanup.policy is empty; it must be delete");
    }

    @Test
    void anUncleanLeaderElectionIsRefused() {
        assertThat(TopicDurability.problems(TOPIC, with(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "true"),
                THREE_REPLICAS, (short) 3)).containsExactly("clue.police.events: unclean.leader.election.enable is "
                + "true: a replica that missed acknowledged facts could become leader, and those facts would be "
                + "gone; it must be false");
    }

    @Test
    void oneReplicaInSyncIsEnoughOnlyWhereTheClusterIsConfiguredWithOne() {
        assertThat(TopicDurability.problems(TOPIC, with(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"),
                THREE_REPLICAS, (short) 3)).containsExactly("clue.police.events: min.insync.replicas is 1 with the "
                + "replication factor 3: a fact acknowledged by fewer brokers than 2 is lost with them; it must be at "
                + "least 2");
        assertThat(TopicDurability.problems(TOPIC, with(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"),
                List.of(2, 2), (short) 2)).singleElement().asString().endsWith("it must be at least 2");
        assertThat(TopicDurability.problems(TOPIC, with(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "3"),
                THREE_REPLICAS, (short) 3)).isEmpty();
    }

    @Test
    void moreReplicasInSyncThanAPartitionHasWouldAcknowledgeNothing() {
        assertThat(TopicDurability.problems(TOPIC, with(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "4"),
                THREE_REPLICAS, (short) 3)).containsExactly("clue.police.events: min.insync.replicas is 4 and a "
                + "partition has only 3 replicas: no fact could ever be acknowledged; it must be at most 3");
    }

    @Test
    void partitionsWithFewerReplicasThanConfiguredAreNamed() {
        assertThat(TopicDurability.problems(TOPIC, created((short) 3), List.of(3, 1, 3, 2, 3, 3), (short) 3))
                .containsExactly("clue.police.events: 2 of its 6 partitions (1, 3) have fewer replicas than the "
                        + "replication factor 3, the fewest 1: their facts are lost with fewer brokers; each must "
                        + "have 3", "clue.police.events: min.insync.replicas is 2 and a partition has only 1 "
                        + "replica: no fact could ever be acknowledged; it must be at most 1");
    }

    @Test
    void aTopicWithEverySettingWrongGetsEveryProblemAndWhatIsNotReportedCountsAsWrong() {
        Map<String, String> config = new HashMap<>(Map.of(TopicConfig.RETENTION_MS_CONFIG, "604800000",
                TopicConfig.RETENTION_BYTES_CONFIG, "10000", TopicConfig.CLEANUP_POLICY_CONFIG, "compact",
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "true",
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"));
        assertThat(TopicDurability.problems(TOPIC, config, THREE_REPLICAS, (short) 3))
                .extracting(problem -> problem.split(" ")[1])
                .containsExactly("retention.ms", "retention.bytes", "cleanup.policy",
                        "unclean.leader.election.enable", "min.insync.replicas");
        assertThat(TopicDurability.problems(TOPIC, Map.of(), ONE_REPLICA, (short) 1))
                .extracting(problem -> problem.split(" ")[1])
                .containsExactly("retention.ms", "retention.bytes", "cleanup.policy",
                        "unclean.leader.election.enable", "min.insync.replicas");
    }
}
