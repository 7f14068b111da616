package org.clueexchange.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.KafkaBroker;
import org.clueexchange.wire.ExchangeTopics;

/**
 * The operator's {@code replay} of a deployment's jurisdiction, run beside its live core once that core has taken in
 * every record on both agency topics and decided every time limit already due: the ledger the replay rebuilds from
 * the topics must then be the live one, field for field and period digest for period digest.
 */
final class OperatorReplay {

    /** The core's consumer group, which the deployments' settings leave at the core's default. */
    private static final String CORE_GROUP = "clue-exchange-core";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private OperatorReplay() {
    }

    /** Replays the deployment's topics, on a broker that holds only its facts, and asserts the ledgers identical. */
    static ExchangeDeployment.CommandResult assertIdentical(ExchangeDeployment deployment, KafkaBroker broker)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> consumedToTheEnd(admin)
                    && nothingOverdue(deployment.coreDatabase()));
        }
        ExchangeDeployment.CommandResult replay = deployment.runCore(Files.createTempDirectory("replay")
                .resolve("replay.log"), "replay", "--jurisdiction", deployment.jurisdiction());

        assertThat(replay.exitCode()).as(replay.output()).isZero();
        assertThat(replay.output()).contains("identical 一致").doesNotContain("differ 不一致")
                .contains("拒收 refused: 0 records").containsPattern("period digests compared: [1-9]");
        return replay;
    }

    /** Whether the core's group has committed, on every partition of both agency topics, the partition's end. */
    private static boolean consumedToTheEnd(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(CORE_GROUP)
                .partitionsToOffsetAndMetadata().get();
        Set<TopicPartition> partitions = admin.describeTopics(ExchangeTopics.AGENCY_TOPICS).allTopicNames().get()
                .values().stream().flatMap(topic -> topic.partitions().stream()
                        .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()))).all().get();
        return partitions.stream().allMatch(partition -> ends.get(partition).offset() == 0
                || committed.get(partition) != null
                && committed.get(partition).offset() >= ends.get(partition).offset());
    }

    /** Whether the live core has decided every time limit due by now, as the replay does at its end. */
    private static boolean nothingOverdue(Database database) throws Exception {
        try (Connection sql = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement statement = sql.createStatement();
             ResultSet overdue = statement.executeQuery(
                     "SELECT count(*) FROM ledger_clock WHERE status = 'OPEN' AND due_at < now()")) {
            overdue.next();
            return overdue.getInt(1) == 0;
        }
    }
}
