package org.clueexchange.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.subscription.DeadLetters;
import org.clueexchange.wire.ClueContentDigest;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ClueEventValidator;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.TimeBounds;
import org.clueexchange.wire.UndecodableEventException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records no adapter would write, put straight onto both agency topics, as any other writer with access to the
 * broker could: each reaches the dead-letter topic with its reason, from the core and from the adapter that reads
 * that topic, and a valid fact published after them still reaches the ledger and the receiver's inbox.
 */
class MalformedRecordsIT {

    private static final int PER_KIND = 120;
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ClueEventCodec CODEC = ClueEventCodec.create();
    private static final ClueEventValidator VALIDATOR = new ClueEventValidator(
            new TimeBounds(Clock.systemUTC(), TimeBounds.DEFAULT_CLOCK_SKEW));

    static ExchangeDeployment deployment;

    @BeforeAll
    static void start() throws Exception {
        deployment = ExchangeDeployment.start(ExchangeInfrastructure.shared(), EmbeddedExchange.besideThisJar(),
                new ExchangeDeployment.Ports(0, 0, 0), Files.createTempDirectory("clue-exchange-fuzz-logs"),
                "530600", "fuzz_", Map.of(), AgencyKeyring.forTests());
    }

    @AfterAll
    static void stop() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    void everyMalformedRecordIsDeadLetteredWithItsReasonAndTheExchangeGoesOn() throws Exception {
        Random random = new Random(20201201L);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> kindByKey = new HashMap<>();
        Map<String, String> topicByKey = new HashMap<>();
        String bootstrap = ExchangeInfrastructure.shared().kafka().bootstrapServers();
        try (AgencyTopics topics = new AgencyTopics(bootstrap)) {
            for (String kind : Kinds.ALL) {
                for (int i = 0; i < PER_KIND; i++) {
                    String topic = ExchangeTopics.AGENCY_TOPICS.get(i % 2);
                    String key = "FUZZ-" + run + "-" + kind + "-" + i;
                    topics.publish(topic, key, Kinds.make(kind, random, key));
                    kindByKey.put(key, kind);
                    topicByKey.put(key, topic);
                }
            }
        }
        assertThat(kindByKey).hasSizeGreaterThanOrEqualTo(1_000);

        String transferred = new JsonHttp(deployment.police(), deployment.credentials().policeCaseSystem())
                .post("/api/v1/clue-transfers", Map.ofEntries(
                        Map.entry("recordId", "FUZZ-AFTER-" + run),
                        Map.entry("jurisdiction", deployment.jurisdiction()),
                        Map.entry("officerId", "ZTGA-0042"),
                        Map.entry("receiverJurisdiction", deployment.jurisdiction()),
                        Map.entry("caseNumber", "ZT-2020-099"),
                        Map.entry("caseType", "MAFIA_TYPE_ORGANISATION"),
                        Map.entry("allegation", "PROTECTIVE_UMBRELLA"),
                        Map.entry("urgent", false),
                        Map.entry("officials", List.of(Map.of("name", "赵某", "unit", "某县公安局 副局长",
                                "rank", "COUNTY_DIVISION", "role", "保护伞"))),
                        Map.entry("summary", "赵某为涉黑组织通风报信"))).successfully().path("clueId").asText();
        JsonHttp inbox = new JsonHttp(deployment.discipline(), deployment.credentials().disciplineClueSystem());
        await().atMost(PATIENCE).until(() -> inbox.get("/api/v1/inbox/" + transferred).status() == 200);
        JsonHttp core = deployment.coreAsOfficer();
        await().atMost(PATIENCE).until(() -> core.get("/api/ledger/clues/" + transferred).status() == 200);

        Map<String, Map<String, String>> letters = await().atMost(PATIENCE).until(() -> deadLetters(bootstrap, run),
                byConsumer -> byConsumer.getOrDefault("clue-exchange-core", Map.of()).keySet()
                        .containsAll(kindByKey.keySet()));
        Map<String, String> byCore = letters.get("clue-exchange-core");
        assertThat(byCore.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(byCore.keySet().stream().collect(Collectors.groupingBy(kindByKey::get, Collectors.counting())))
                .containsOnlyKeys(Kinds.ALL).allSatisfy((kind, count) -> assertThat(count).as(kind)
                        .isEqualTo((long) PER_KIND));
        // Each adapter reads the other agency's topic, and dead-letters what it cannot take there too.
        assertThat(letters.getOrDefault("discipline-adapter-530600", Map.of()).keySet())
                .containsAll(keysOn(topicByKey, ExchangeTopics.POLICE_EVENTS));
        assertThat(letters.getOrDefault("police-adapter-530600", Map.of()).keySet())
                .containsAll(keysOn(topicByKey, ExchangeTopics.DISCIPLINE_EVENTS));
    }

    private static Set<String> keysOn(Map<String, String> topicByKey, String topic) {
        return topicByKey.entrySet().stream().filter(entry -> entry.getValue().equals(topic))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** The dead-letter topic's records of this run, by consumer and key, with their reasons. */
    private static Map<String, Map<String, String>> deadLetters(String bootstrap, String run) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Map<String, Map<String, String>> letters = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(ExchangeTopics.DEAD_LETTER).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> letter : consumer.poll(Duration.ofMillis(500))) {
                    if (letter.key() != null && letter.key().startsWith("FUZZ-" + run + "-")) {
                        letters.computeIfAbsent(header(letter, DeadLetters.CONSUMER), any -> new HashMap<>())
                                .put(letter.key(), header(letter, DeadLetters.REASON));
                    }
                }
            }
        }
        return letters;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The kinds of malformed record, each made so that the contract's own codec and validator refuse it. */
    private static final class Kinds {

        static final List<String> ALL = List.of("random", "truncated", "flipped", "fingerprint", "oversized",
                "nul", "control", "far-future", "before-2000");

        static byte[] make(String kind, Random random, String key) {
            return switch (kind) {
                case "random" -> randomBytes(random, 1 + random.nextInt(2_000));
                case "truncated" -> refused(() -> {
                    byte[] valid = CODEC.encode(transfer(key));
                    return Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 1));
                });
                case "flipped" -> refused(() -> {
                    byte[] flipped = CODEC.encode(transfer(key));
                    int bit = random.nextInt(flipped.length * 8);
                    flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                    return flipped;
                });
                case "fingerprint" -> {
                    byte[] unknown = CODEC.encode(transfer(key));
                    for (int i = 2; i < 10; i++) {
                        unknown[i] = (byte) random.nextInt(256);
                    }
                    yield unknown;
                }
                case "oversized" -> CODEC.encode(withSummary(transfer(key), "线".repeat(30_000)));
                case "nul" -> CODEC.encode(withSummary(transfer(key), "通风报信\u0000"));
                case "control" -> CODEC.encode(withActor(transfer(key), "officer\u0007"));
                case "far-future" -> CODEC.encode(withOccurredAt(transfer(key),
                        Instant.parse("+300000-01-01T00:00:00Z")));
                case "before-2000" -> CODEC.encode(withOccurredAt(transfer(key),
                        Instant.parse("1999-12-31T15:59:59Z")));
                default -> throw new IllegalArgumentException(kind);
            };
        }

        /** Makes records until one that the contract refuses: a flipped bit may leave a record that is still valid. */
        private static byte[] refused(Supplier<byte[]> maker) {
            while (true) {
                byte[] bytes = maker.get();
                try {
                    SpecificRecord decoded = CODEC.decode(bytes);
                    if (!VALIDATOR.violations(decoded).isEmpty()) {
                        return bytes;
                    }
                } catch (UndecodableEventException | RuntimeException refused) {
                    return bytes;
                }
            }
        }

        private static ClueTransferred transfer(String key) {
            return ClueEventSamples.transfer(key.replaceAll("[^A-Za-z0-9._:-]", "-"), ClueEventSamples.AT);
        }

        /** With its digest made anew, so that only the summary itself is wrong. */
        private static ClueTransferred withSummary(ClueTransferred transfer, String summary) {
            transfer.getContent().setSummary(summary);
            transfer.setContentDigest(ClueContentDigest.of(transfer.getContent()));
            return transfer;
        }

        private static ClueTransferred withActor(ClueTransferred transfer, String actor) {
            transfer.getEnvelope().setActor(actor);
            return transfer;
        }

        private static ClueTransferred withOccurredAt(ClueTransferred transfer, Instant at) {
            transfer.getEnvelope().setOccurredAt(at);
            return transfer;
        }

        private static byte[] randomBytes(Random random, int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }
    }
}
