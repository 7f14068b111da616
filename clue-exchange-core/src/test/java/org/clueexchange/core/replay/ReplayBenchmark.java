package org.clueexchange.core.replay;

import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.deleteRecursively;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.loadAverage;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.migrate;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.peakHeap;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.quietLogging;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.resetPeakHeap;
import static org.clueexchange.core.reconciliation.statement.StatementBenchmarks.startPostgres;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.messaging.timeout.AxonTaskJanitor;
import org.clueexchange.core.cli.CoreCommandLine;
import org.clueexchange.core.ledger.command.SlaPolicy;
import org.clueexchange.core.origin.OriginConfiguration;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.query.StatementProjection;
import org.clueexchange.core.reconciliation.query.Statements;
import org.clueexchange.core.reconciliation.roots.Archive;
import org.clueexchange.core.reconciliation.roots.ChainLink;
import org.clueexchange.core.reconciliation.statement.StatementProgress;
import org.clueexchange.core.sla.ConfiguredSlaPolicy;
import org.clueexchange.core.sla.SlaProperties;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.EmbeddedKafkaBroker;
import org.clueexchange.infrastructure.PostgresServer;
import org.clueexchange.subscription.FactAdmission;
import org.clueexchange.subscription.KafkaSettings;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.StatementId;
import org.clueexchange.wire.TimeBounds;
import org.clueexchange.wire.origin.OriginSignature;
import org.clueexchange.wire.origin.OriginSigner;
import org.clueexchange.wire.origin.OriginVerifier;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast {@code replay} rebuilds the ledger: {@code benchmark.events} (1,000,000) facts of whole clue lifecycles
 * (transfer, receipt, acceptance, disposal, two progress reports, supervision, conclusion, feedback and its
 * acknowledgement), each agency's signed by {@link OriginSigner} in batches of 500 as an adapter signs them and
 * published as its relay sends them (the next fact of each clue a round), replayed into a fresh schema by
 * {@link LedgerReplay} with every record judged, folded and written. Beside it, a plain consumer reads the same
 * records off the same broker in the same run, decoding nothing: the ratio of the two is the figure, target 0.5.
 *
 * <p>Then {@code verify --archive} over the same records, as an auditor runs it: the monthly statements of 530600
 * are issued with their period roots, both agencies confirm each by its digest and root, {@code export-archive}
 * writes the topics and the chain of roots to an archive, and {@code verify} checks it offline; its records/s are
 * set beside the same raw consume. The statements are drawn up from the replay's schema, not the benchmark
 * database's live one: the facts reach no live ledger here (the replay never writes one), and the replayed ledger
 * is the one they make, so the statements say what a live core's would, and issuing them needs no core to consume
 * the topics first. They are issued after every fact is published, as a core put into service over topics that
 * already hold many months' facts would issue them: the first month's window holds every fact and the later months'
 * hold none. Verify's work is the same however the facts fall into windows (each record judged once, each fact
 * hashed into one tree), and every record lies in a window, so the run checks every fact's signature and every
 * root, and the confirmations' signatures besides.
 */
public final class ReplayBenchmark {

    private static final double TARGET_RATIO = 0.5;
    private static final int SIGNED_BATCH = 500;
    private static final int FACTS_PER_CLUE = 10;
    private static final Instant JANUARY_2020 = Instant.parse("2020-01-06T02:00:00Z");
    private static final List<String> LEDGER_TABLES = List.of("transfer_ledger", "ledger_subject", "ledger_outcome",
            "ledger_fact", "ledger_anomaly", "ledger_clock", "ledger_fact_position");
    private static final String JURISDICTION = "530600";

    public static void main(String[] args) throws Exception {
        quietLogging();
        int events = Integer.getInteger("benchmark.events", 1_000_000);
        int writers = Integer.getInteger("benchmark.writers", 4);
        long started = System.nanoTime();
        Path workDir = Files.createTempDirectory("replay-benchmark");
        try (PostgresServer postgres = startPostgres(workDir);
             EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(workDir.resolve("kafka"), 0)) {
            Database database = postgres.createDatabase("replay_benchmark");
            migrate(database);
            System.out.printf("Replay benchmark: %s, embedded Kafka broker; JVM %s, max heap %,d MiB, %d cores; "
                            + "load average %s%n", postgres.description(), Runtime.version(),
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                    loadAverage());
            long publishing = System.nanoTime();
            long bytes = publish(kafka.bootstrapServers(), events / FACTS_PER_CLUE);
            System.out.printf("published %,d signed facts (%.1f MiB) in %.1f s%n", events, bytes / 1048576.0,
                    (System.nanoTime() - publishing) / 1e9);

            double rawBefore = rawConsume(kafka.bootstrapServers(), events);
            resetPeakHeap();
            long[] heaps = new long[1];
            LedgerReplay.Outcome outcome;
            String replayed;
            SlaPolicy sla = new ConfiguredSlaPolicy(new SlaProperties(new SlaProperties.Limits(null, null, null, null),
                    Map.of(), Duration.ofSeconds(1), Duration.ofHours(24)));
            FactAdmission admission = OriginConfiguration.admission(Clock.systemUTC(), TimeBounds.DEFAULT_CLOCK_SKEW,
                    new OriginVerifier(AgencyKeyring.forTests().trusted()));
            try (ReplaySchema schema = ReplaySchema.create(database.jdbcUrl(), database.username(),
                    database.password(), Instant.now(), writers + 1)) {
                replayed = schema.name();
                outcome = new LedgerReplay(kafka.bootstrapServers(), ExchangeTopics.AGENCY_TOPICS, admission, sla,
                        Clock.systemUTC(), writers).into(schema.dataSource(), new PrintWriter(System.out, true));
                long heap = peakHeap();
                System.out.printf("replay phases: read, judged and folded in %.1f s; rows written in %.1f s%n",
                        (outcome.took().toMillis() - outcome.writing().toMillis()) / 1e3,
                        outcome.writing().toMillis() / 1e3);
                rawCopy(schema, outcome.writing());
                resetPeakHeap();
                heaps[0] = heap;
            }
            long heap = heaps[0];
            double rawAfter = rawConsume(kafka.bootstrapServers(), events);
            double raw = Math.max(rawBefore, rawAfter);
            if (outcome.facts() != events || !outcome.refused().isEmpty()) {
                throw new IllegalStateException("the replay folded " + outcome.facts() + " of " + events
                        + " facts, refusing " + outcome.refused().size());
            }
            double ratio = outcome.recordsPerSecond() / raw;
            System.out.printf("replay: %,d records in %.1f s, %,.0f records/s (%,d ledger events written, %,d clues, "
                            + "%d writers); peak heap %,d MiB%n", outcome.records(), outcome.took().toMillis() / 1e3,
                    outcome.recordsPerSecond(), outcome.events(), outcome.clues(), writers, heap >> 20);
            System.out.printf("raw consume of the same records: %,.0f records/s (before the replay %,.0f, after "
                    + "%,.0f)%n", raw, rawBefore, rawAfter);
            System.out.printf("%nVERDICT: replay at %.2f of raw consume against the %.1f target: %s%n", ratio,
                    TARGET_RATIO, ratio >= TARGET_RATIO ? "MET" : "MISSED");
            verifyArchive(database, replayed, kafka.bootstrapServers(), events, raw, workDir);
        } finally {
            deleteRecursively(workDir);
        }
        System.out.printf("Benchmark wall time %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * Issues the benchmark's monthly statements, confirms them as both agencies and times {@code verify --archive}
     * over the export, each through the operators' own command or service.
     */
    private static void verifyArchive(Database database, String replaySchema, String bootstrapServers, int events,
                                      double raw, Path workDir) throws Exception {
        try {
            issueExportAndVerify(database, replaySchema, bootstrapServers, events, raw, workDir);
        } finally {
            // Axon's handler timeouts run on one executor for the whole JVM, whose thread no context stops and which
            // would keep this JVM alive: the core's command line ends by System.exit, the benchmark by its main.
            AxonTaskJanitor.INSTANCE.shutdownNow();
        }
    }

    private static void issueExportAndVerify(Database database, String replaySchema, String bootstrapServers,
                                             int events, double raw, Path workDir) throws Exception {
        List<String> core = List.of("--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.datasource.hikari.schema=" + replaySchema,
                "--clue-exchange.kafka.bootstrap-servers=" + bootstrapServers,
                "--clue-exchange.agency-keys=" + AgencyKeyring.forTests().file(),
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.org.apache.kafka=ERROR");
        long issuing = System.nanoTime();
        List<ChainLink> links = issueMonths(core, events / FACTS_PER_CLUE);
        int facts = links.stream().mapToInt(link -> link.periodRoot().facts()).sum();
        System.out.printf("issued %d monthly statements of %s with their roots over %,d facts in %.1f s%n",
                links.size(), JURISDICTION, facts, (System.nanoTime() - issuing) / 1e9);
        if (facts != events) {
            throw new IllegalStateException("the roots count " + facts + " of the " + events + " facts");
        }
        confirm(bootstrapServers, links);

        Path archive = Files.createDirectories(workDir.resolve("archive"));
        long exporting = System.nanoTime();
        List<String> export = new ArrayList<>(List.of("export-archive", archive.toString()));
        export.addAll(core);
        if (CoreCommandLine.run(export.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("export-archive failed");
        }
        System.out.printf("export-archive: %.1f MiB in %.1f s%n",
                Files.size(Archive.file(archive)) / 1048576.0, (System.nanoTime() - exporting) / 1e9);

        long records = events + 2L * links.size();
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        resetPeakHeap();
        long verifying = System.nanoTime();
        int verdict;
        // Verify prints its report to the console, where the operator reads it; read back, it says what was checked.
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            verdict = CoreCommandLine.run("verify", "--archive", archive.toString(), "--agency-keys",
                    AgencyKeyring.forTests().file().toString());
        } finally {
            System.setOut(console);
        }
        double seconds = (System.nanoTime() - verifying) / 1e9;
        long heap = peakHeap();
        String report = printed.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        long cosigned = report.lines().filter(line -> line.startsWith("双方签认 co-signed")).count();
        if (verdict != 0 || !report.contains("核验 verify: " + records + " records, " + links.size() + " links")
                || cosigned != links.size()) {
            throw new IllegalStateException("verify did not verify all " + records + " records and "
                    + links.size() + " co-signed roots (exit code " + verdict + ")");
        }
        System.out.printf("verify --archive: %,d records, %d roots in %.1f s, %,.0f records/s, %.3f × raw consume; "
                + "peak heap %,d MiB%n", records, links.size(), seconds, records / seconds, records / seconds / raw,
                heap >> 20);
    }

    /**
     * Issues every month's statement of the jurisdiction, from the first fact's month to the last's, as {@code
     * reconcile monthly} issues one; returns the chain of roots they make.
     */
    private static List<ChainLink> issueMonths(List<String> core, int clues) {
        Instant last = ClueEvents.envelopeOf(lifecycle("POLICE-530600-LAST", clues - 1).get(FACTS_PER_CLUE - 1))
                .getOccurredAt();
        try (ConfigurableApplicationContext context = CoreCommandLine.oneOff(core)) {
            Statements statements = context.getBean(Statements.class);
            for (StatementPeriod month = StatementPeriod.containing(JURISDICTION, Cadence.MONTHLY, JANUARY_2020);
                 !month.start().isAfter(last); month = month.next()) {
                statements.issue(month, "replay-benchmark", StatementProgress.SILENT);
            }
            return context.getBean(StatementProjection.class).chainLinks();
        }
    }

    /** Both agencies' confirmations of every statement by its digest and root, each agency's signed as one batch. */
    private static void confirm(String bootstrapServers, List<ChainLink> links) {
        ClueEventCodec codec = ClueEventCodec.create();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers,
                "replay-benchmark-confirmations"))) {
            for (Agency agency : List.of(ClueEventSamples.ZHAOTONG_POLICE, ClueEventSamples.ZHAOTONG_DISCIPLINE)) {
                List<SpecificRecord> confirmations = new ArrayList<>();
                for (ChainLink link : links) {
                    Instant after = StatementPeriod.of(StatementId.parse(link.statementId()).orElseThrow()).end()
                            .plus(Duration.ofDays(1));
                    confirmations.add(ClueEventSamples.confirmation(link.statementId(), agency, link.digest(),
                            link.periodRoot().root(), after));
                }
                send(producer, codec, AgencyKeyring.forTests().signing(agency.getType()).signer(), confirmations,
                        failure);
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the broker did not take every confirmation", failure.get());
        }
    }

    /** Publishes every clue's lifecycle, signed; returns the bytes of the facts. */
    private static long publish(String bootstrapServers, int clues) throws Exception {
        new AgencyTopics(bootstrapServers).close();
        ClueEventCodec codec = ClueEventCodec.create();
        Map<AgencyType, OriginSigner> signers = new EnumMap<>(AgencyType.class);
        for (AgencyType agency : List.of(AgencyType.POLICE, AgencyType.DISCIPLINE)) {
            signers.put(agency, AgencyKeyring.forTests().signing(agency).signer());
        }
        Properties settings = KafkaSettings.producer(bootstrapServers, "replay-benchmark");
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        String run = UUID.randomUUID().toString().substring(0, 6);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
            Map<AgencyType, List<SpecificRecord>> unsigned = new EnumMap<>(AgencyType.class);
            int block = 1_000;
            for (int first = 0; first < clues; first += block) {
                List<List<SpecificRecord>> lifecycles = new ArrayList<>();
                for (int clue = first; clue < Math.min(clues, first + block); clue++) {
                    lifecycles.add(lifecycle("POLICE-530600-B" + run + "-" + clue, clue));
                }
                for (int round = 0; round < FACTS_PER_CLUE; round++) {
                    for (List<SpecificRecord> lifecycle : lifecycles) {
                        SpecificRecord fact = lifecycle.get(round);
                        AgencyType agency = ClueEvents.envelopeOf(fact).getAssertedBy().getType();
                        List<SpecificRecord> batch = unsigned.computeIfAbsent(agency, any -> new ArrayList<>());
                        batch.add(fact);
                        if (batch.size() == SIGNED_BATCH) {
                            bytes += send(producer, codec, signers.get(agency), batch, failure);
                            batch.clear();
                        }
                    }
                }
            }
            for (Map.Entry<AgencyType, List<SpecificRecord>> rest : unsigned.entrySet()) {
                if (!rest.getValue().isEmpty()) {
                    bytes += send(producer, codec, signers.get(rest.getKey()), rest.getValue(), failure);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the broker did not take every fact", failure.get());
        }
        return bytes;
    }

    private static long send(KafkaProducer<String, byte[]> producer, ClueEventCodec codec, OriginSigner signer,
                             List<SpecificRecord> batch, AtomicReference<Exception> failure) {
        List<byte[]> values = batch.stream().map(codec::encode).toList();
        List<byte[]> headers = signer.sign(values);
        long bytes = 0;
        for (int i = 0; i < values.size(); i++) {
            SpecificRecord fact = batch.get(i);
            RecordHeaders recordHeaders = new RecordHeaders();
            recordHeaders.add(OriginSignature.HEADER, headers.get(i));
            producer.send(new ProducerRecord<>(ExchangeTopics.of(fact), null, ClueEvents.keyOf(fact), values.get(i),
                    recordHeaders), (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
            bytes += values.get(i).length;
        }
        return bytes;
    }

    /** A clue's whole life, from its transfer in 2020 to the acknowledgement of its feedback. */
    private static List<SpecificRecord> lifecycle(String clueId, int clue) {
        Instant at = JANUARY_2020.plus(Duration.ofMinutes(clue * 7L));
        ClueTransferred transfer = ClueEventSamples.transfer(clueId, at);
        FeedbackSent feedback = ClueEventSamples.feedback(transfer, at.plus(Duration.ofDays(25)));
        return List.of(transfer,
                ClueEventSamples.receipt(transfer, at.plusSeconds(600)),
                ClueEventSamples.acceptance(transfer, at.plusSeconds(1800)),
                ClueEventSamples.disposal(transfer, at.plus(Duration.ofHours(20))),
                ClueEventSamples.progress(transfer, at.plus(Duration.ofDays(5))),
                ClueEventSamples.supervision(transfer, at.plus(Duration.ofDays(8))),
                ClueEventSamples.progress(transfer, at.plus(Duration.ofDays(12))),
                ClueEventSamples.conclusion(transfer, at.plus(Duration.ofDays(20))),
                feedback,
                ClueEventSamples.acknowledgement(feedback, transfer, at.plus(Duration.ofDays(26))));
    }

    /**
     * The replayed rows copied out of the replay's schema and back into unlogged tables of the same columns with no
     * index, key or constraint, in one transaction: the least PostgreSQL takes to store these rows here, the raw
     * baseline of the replay's writing.
     */
    private static void rawCopy(ReplaySchema schema, Duration replayWriting) throws SQLException, IOException {
        long rows = 0;
        long nanos = 0;
        try (Connection connection = schema.dataSource().getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA raw_copy");
                for (String table : LEDGER_TABLES) {
                    statement.execute("CREATE UNLOGGED TABLE raw_copy." + table + " (LIKE " + table + ")");
                    ByteArrayOutputStream text = new ByteArrayOutputStream();
                    copy.copyOut("COPY " + table + " TO STDOUT", text);
                    long start = System.nanoTime();
                    rows += copy.copyIn("COPY raw_copy." + table + " FROM STDIN",
                            new ByteArrayInputStream(text.toByteArray()));
                    nanos += System.nanoTime() - start;
                }
                long start = System.nanoTime();
                connection.commit();
                nanos += System.nanoTime() - start;
                statement.execute("DROP SCHEMA raw_copy CASCADE");
                connection.commit();
            }
        }
        System.out.printf("raw COPY of the same %,d rows into unlogged tables without indexes: %.1f s, %,.0f rows/s; "
                        + "the replay's writing took %.1f× that%n", rows, nanos / 1e9, rows / (nanos / 1e9),
                replayWriting.toNanos() / (double) nanos);
    }

    /**
     * Reads every record of both topics with a plain consumer, settings as the replay's, from the assignment on,
     * touching only each value's length: what the broker and the client give, with nothing of the exchange.
     */
    private static double rawConsume(String bootstrapServers, long records) {
        Properties settings = KafkaSettings.consumer(bootstrapServers, "raw-" + UUID.randomUUID(), "raw-consume");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : ExchangeTopics.AGENCY_TOPICS) {
                consumer.partitionsFor(topic).forEach(partition -> partitions.add(
                        new TopicPartition(topic, partition.partition())));
            }
            long start = System.nanoTime();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long bytes = 0;
            while (read < records) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    bytes += record.value().length;
                }
            }
            double perSecond = read / ((System.nanoTime() - start) / 1e9);
            System.out.printf("raw consume: %,d records, %.1f MiB, %,.0f records/s%n", read, bytes / 1048576.0,
                    perSecond);
            return perSecond;
        }
    }
}
