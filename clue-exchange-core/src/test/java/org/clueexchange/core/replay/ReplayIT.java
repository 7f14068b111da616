package org.clueexchange.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.clueexchange.core.RunningCore;
import org.clueexchange.core.cli.CoreCommandLine;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.EmbeddedKafkaBroker;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.subscription.KafkaSettings;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code replay} over a real broker and PostgreSQL: facts through a running core, then the topics re-consumed into
 * a fresh schema and compared with the live ledger. The broker is this test's own, so the topics hold exactly the
 * facts the live core took in: whole lifecycles from 2019 whose time limits fell due, contradictions, facts of this
 * week whose limits still run, a gang case fact, and records the core dead-lettered. A copy of the topics on another
 * broker with one byte of one event changed makes the replay name that event.
 */
class ReplayIT {

    private static final Instant MAY_2019 = Instant.parse("2019-05-06T02:00:00Z");

    static EmbeddedKafkaBroker broker;
    static Database database;
    static Path brokers;
    static ClueReceived tampered;

    @BeforeAll
    static void factsThroughTheLiveCore() throws Exception {
        brokers = Files.createTempDirectory("replay-it");
        broker = EmbeddedKafkaBroker.start(brokers.resolve("live"), 0);
        database = ExchangeInfrastructure.shared().postgres().createDatabase("replay");
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<SpecificRecord> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant at = MAY_2019.plus(Duration.ofDays(i * 3L));
            ClueTransferred transfer = i % 3 == 2
                    ? ClueEventSamples.transferToPolice("DISCIPLINE-530600-R" + run + "-" + i, at)
                    : ClueEventSamples.transfer("POLICE-530600-R" + run + "-" + i, at);
            events.add(transfer);
            if (i % 4 != 3) {
                ClueReceived receipt = ClueEventSamples.receipt(transfer, at.plusSeconds(600 + i));
                events.add(receipt);
                if (i == 4) {
                    tampered = receipt;
                }
            }
            if (i % 2 == 0) {
                events.add(ClueEventSamples.acceptance(transfer, at.plusSeconds(1800)));
                events.add(ClueEventSamples.disposal(transfer, at.plus(Duration.ofDays(1))));
            }
            if (i % 4 == 0) {
                events.add(ClueEventSamples.conclusion(transfer, at.plus(Duration.ofDays(20))));
                FeedbackSent feedback = ClueEventSamples.feedback(transfer, at.plus(Duration.ofDays(25)));
                events.add(feedback);
                events.add(ClueEventSamples.acknowledgement(feedback, transfer, at.plus(Duration.ofDays(26))));
            }
            if (i == 5) {
                events.add(ClueEventSamples.transfer(transfer.getEnvelope().getClueId(), at.minusSeconds(3600)));
            }
        }
        Instant thisWeek = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        ClueTransferred recent = ClueEventSamples.transfer("POLICE-530600-R" + run + "-recent", thisWeek);
        events.add(recent);
        events.add(ClueEventSamples.receipt(recent, thisWeek.plusSeconds(60)));
        events.add(ClueEventSamples.gangCase("ZT-2019-R" + run, MAY_2019));
        int ledgerFacts = events.size() - 1;

        // The live core only has to be running while it takes the facts in.
        RunningCore core = RunningCore.start(database, broker.bootstrapServers(), "replay-it-live");
        try (AgencyTopics topics = new AgencyTopics(broker.bootstrapServers())) {
            for (SpecificRecord event : events) {
                topics.publish(event);
            }
            topics.publish(ExchangeTopics.POLICE_EVENTS, "POLICE-530600-R" + run + "-garbage",
                    "not a fact".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(60)).until(() -> settled(ledgerFacts));
        } finally {
            core.close();
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aReplayOfTheTopicsIsIdenticalToTheLiveLedgerAndLeavesTheLiveConsumerGroupAlone() throws Exception {
        Replayed replayed = replay(broker.bootstrapServers());

        assertThat(replayed.exit()).as(replayed.output()).isZero();
        assertThat(replayed.output()).contains("identical 一致").contains("拒收 refused: 1 records")
                .contains(ExchangeTopics.POLICE_EVENTS).contains("1 gang case facts")
                .containsPattern("period digests compared: [1-9]");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            assertThat(admin.listGroups().all().get()).extracting(GroupListing::groupId)
                    .containsExactly("replay-it-live");
        }
    }

    @Test
    void aReplayOfOneJurisdictionOrOfATimeRangeIsIdenticalToTheLiveLedgerThere() throws Exception {
        assertThat(replay(broker.bootstrapServers(), "--jurisdiction", "530600").exit()).isZero();
        Replayed month = replay(broker.bootstrapServers(), "--from", "2019-05-01", "--to", "2019-06-01");
        assertThat(month.exit()).as(month.output()).isZero();
        assertThat(replay(broker.bootstrapServers(), "--jurisdiction", "53060").exit()).isEqualTo(2);
    }

    @Test
    void aCopyOfTheTopicsWithOneByteOfOneEventChangedIsNamedByTheReplay() throws Exception {
        try (EmbeddedKafkaBroker copy = EmbeddedKafkaBroker.start(brokers.resolve("copy"), 0)) {
            ConsumerRecord<String, byte[]> changed = copyChangingOneByte(broker.bootstrapServers(),
                    copy.bootstrapServers());

            Replayed replayed = replay(copy.bootstrapServers());

            assertThat(replayed.exit()).as(replayed.output()).isEqualTo(1);
            String clueId = tampered.getEnvelope().getClueId();
            String where = changed.topic() + "/" + changed.partition() + "@" + changed.offset();
            // Without origin signatures the changed byte is a changed actor; with them, a refused record.
            assertThat(replayed.output()).satisfiesAnyOf(
                    output -> assertThat(output).contains(clueId + " · ledger_fact [\""
                            + tampered.getEnvelope().getEventId() + "\"]: fields actor")
                            .contains(clueId + " · transfer_ledger [\"" + clueId + "\"]: fields receipt_actor")
                            .containsPattern("period 530600 2019-05: live \\d+ facts [0-9a-f]{16}, replayed"),
                    output -> assertThat(output).contains(where + ": security"));
        }
    }

    /** Whether the live ledger holds every fact and has decided every time limit already due. */
    private static boolean settled(int facts) throws Exception {
        try (Connection sql = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement statement = sql.createStatement();
             ResultSet counts = statement.executeQuery("SELECT (SELECT count(*) FROM ledger_fact), "
                     + "(SELECT count(*) FROM ledger_clock WHERE status = 'OPEN' AND due_at < now())")) {
            counts.next();
            return counts.getInt(1) == facts && counts.getInt(2) == 0;
        }
    }

    private record Replayed(int exit, String output) {
    }

    private static Replayed replay(String bootstrapServers, String... options) {
        StringWriter out = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of("replay"));
        arguments.addAll(List.of(options));
        arguments.addAll(List.of("--writers", "2",
                "--clue-exchange.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--" + AgencyKeyring.CORE_AGENCY_KEYS + "=" + AgencyKeyring.forTests().file()));
        CommandLine commandLine = new CommandLine(new CoreCommandLine());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        int exit = commandLine.execute(arguments.toArray(String[]::new));
        return new Replayed(exit, out.toString());
    }

    /**
     * Copies both agency topics record by record, partition, key, timestamp and headers kept, onto another broker,
     * with the last letter of the tampered receipt's actor changed; returns that record as copied.
     */
    private static ConsumerRecord<String, byte[]> copyChangingOneByte(String from, String to) throws Exception {
        byte[] actor = tampered.getEnvelope().getActor().getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> changed = null;
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, to);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.consumer(from,
                "replay-it-copy", "replay-it-copy"));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(to,
                     "replay-it-copy"));
             Admin topics = Admin.create(admin)) {
            for (String topic : ExchangeTopics.AGENCY_TOPICS) {
                List<PartitionInfo> partitions = consumer.partitionsFor(topic);
                topics.createTopics(List.of(new NewTopic(topic, partitions.size(), (short) 1))).all().get();
                List<TopicPartition> assigned = partitions.stream()
                        .map(partition -> new TopicPartition(topic, partition.partition())).toList();
                consumer.assign(assigned);
                consumer.seekToBeginning(assigned);
                Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
                while (assigned.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        byte[] value = record.value();
                        if (record.key().equals(tampered.getEnvelope().getClueId()) && value != null
                                && indexOf(value, tampered.getEnvelope().getEventId()
                                .getBytes(StandardCharsets.UTF_8)) >= 0) {
                            value = value.clone();
                            value[indexOf(value, actor) + actor.length - 1]++;
                            changed = record;
                        }
                        producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(),
                                record.key(), value, record.headers())).get();
                    }
                }
            }
        }
        assertThat(changed).as("the tampered receipt's record").isNotNull();
        return changed;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            int j = 0;
            while (j < needle.length && haystack[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }
}
