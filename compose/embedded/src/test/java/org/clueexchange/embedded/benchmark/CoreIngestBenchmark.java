package org.clueexchange.embedded.benchmark;

import static org.clueexchange.embedded.benchmark.BenchmarkReport.count;
import static org.clueexchange.embedded.benchmark.BenchmarkReport.mib;
import static org.clueexchange.embedded.benchmark.BenchmarkReport.seconds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.clueexchange.embedded.ApplicationProcess;
import org.clueexchange.embedded.EmbeddedExchange;
import org.clueexchange.embedded.ExchangeDeployment;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.FreePorts;
import org.clueexchange.infrastructure.RawKafkaBaseline;

/**
 * How fast the core takes in facts that are already waiting on both topics: whole lifecycles published first, then
 * the core started as a process of its jar on a new database and consumer group, and its event store and ledger
 * projection watched until they hold every fact. Beside it, what the broker does with as many raw records.
 *
 * <p>{@code -Dbenchmark.facts=} (default 100,000) sizes it; {@code -Dbenchmark.jit=c1|full|both} (default both)
 * runs the core with C1 only, as the embedded mode does, with full tiered compilation, as a deployment does, or
 * one after the other on the same topics. A run that falls below {@code -Dbenchmark.minFactsPerSecond=} (default 300)
 * is reported as not finished instead of waited for.
 */
public final class CoreIngestBenchmark {

    /** As many as the core gives the agencies' topics when it creates them ({@code clue-exchange.kafka.partitions}). */
    static final int PARTITIONS = AgencyTopics.PARTITIONS;
    private static final Duration POLL = Duration.ofMillis(250);

    /** One JVM setting of the core's and what it measured. */
    private record Run(String jit, Duration startup, Milestone eventStore, Milestone ledger, String exact,
                       long anomalies, long peakRssKib, EventStoreCeiling.Measured ceiling) {
    }

    public static void main(String[] args) throws Exception {
        int wanted = BenchmarkReport.setting("facts", 100_000);
        String jit = BenchmarkReport.setting("jit", "both");
        int minRate = BenchmarkReport.setting("minFactsPerSecond", 300);
        List<String> jits = switch (jit) {
            case "both" -> List.of("c1", "full");
            case "c1", "full" -> List.of(jit);
            default -> throw new IllegalArgumentException("-Dbenchmark.jit must be c1, full or both, not " + jit);
        };
        BenchmarkReport report = new BenchmarkReport("Core ingest benchmark: facts waiting on both topics, into the "
                + "core's event store and ledger");
        Path work = Files.createTempDirectory("clue-exchange-ingest-benchmark");
        try (ExchangeInfrastructure infrastructure = ExchangeInfrastructure.start(
                ExchangeInfrastructure.Mode.EMBEDDED, work)) {
            String kafka = infrastructure.kafka().bootstrapServers();
            report.line("%s; work directory %s", infrastructure.description(), work);

            String prefix = "INGEST-" + UUID.randomUUID().toString().substring(0, 8);
            WholeLifecycles.Published published;
            try (AgencyTopics topics = new AgencyTopics(kafka)) {
                published = WholeLifecycles.publish(topics, prefix, "530600", WholeLifecycles.cluesFor(wanted));
            }
            int facts = published.facts();
            report.line("Published %,d facts (%,d whole lifecycles, half each way), %,d bytes each on average, in %s",
                    facts, published.clues(), published.bytes() / facts, seconds(published.took()));

            RawKafkaBaseline.Throughput raw = new RawKafkaBaseline(kafka).throughput(facts);
            Duration patience = Duration.ofSeconds(60 + facts / minRate);
            List<Run> runs = new ArrayList<>();
            for (String setting : jits) {
                runs.add(ingest(infrastructure, work, setting, prefix, published.eventIds(), patience, report));
            }
            print(report, facts, raw, runs, patience);
        }
        BenchmarkReport.delete(work);
        report.line("%nBenchmark peak RSS %s (this JVM, with the broker in it)",
                mib(BenchmarkReport.ownPeakRssKib()));
    }


    /** Starts a core on a new database and consumer group and watches it take in every published fact. */
    private static Run ingest(ExchangeInfrastructure infrastructure, Path work, String jit, String prefix,
                              Set<String> eventIds, Duration patience, BenchmarkReport report) throws Exception {
        Database database = infrastructure.postgres().createDatabase("ingest_" + jit);
        List<String> jvmOptions = jit.equals("c1") ? ApplicationProcess.EMBEDDED_JVM_OPTIONS
                : ApplicationProcess.MEMORY_OPTIONS;
        int facts = eventIds.size();
        try (ApplicationProcess core = ExchangeDeployment.core(EmbeddedExchange.besideThisJar(), FreePorts.pick(),
                database, infrastructure.kafka().bootstrapServers(),
                Map.of("clue-exchange.intake.group-id", "benchmark-ingest-" + jit + "-" + UUID.randomUUID(),
                        AgencyKeyring.CORE_AGENCY_KEYS, AgencyKeyring.forTests().file().toString()),
                jvmOptions, work.resolve("logs-" + jit));
             LedgerProgress progress = new LedgerProgress(database)) {
            long started = System.nanoTime();
            core.start();
            // The core consumes as soon as its context runs, before it reports ready: both are watched at once.
            CompletableFuture<Duration> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    core.awaitReady(ExchangeDeployment.STARTUP_PATIENCE);
                    return Duration.ofNanos(System.nanoTime() - started);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CompletionException(e);
                }
            });
            Milestone eventStore = new Milestone(facts, started);
            Milestone ledger = new Milestone(facts, started);
            long deadline = started + patience.toNanos();
            while (!(eventStore.reached() && ledger.reached()) && System.nanoTime() < deadline) {
                if (ready.isCompletedExceptionally()) {
                    ready.join();
                }
                eventStore.observe(progress.factEvents());
                ledger.observe(progress.ledgerFacts(prefix));
                Thread.sleep(POLL.toMillis());
            }
            Duration startup = ready.join();
            String exact = exactness(progress, prefix, eventIds);
            Map<String, Long> eventTypes = progress.eventTypes();
            report.line("Event store after the %s run: %s", jit, eventTypes);
            long anomalies = eventTypes.getOrDefault("LedgerAnomalyRecorded", 0L);
            long peakRssKib = BenchmarkReport.peakRssKib(core.pid());
            // Stopped first, so that nothing competes with the ceiling for the machine.
            core.stop();
            return new Run(jit, startup, eventStore, ledger, exact, anomalies, peakRssKib,
                    EventStoreCeiling.measure(database, facts));
        }
    }

    /** Whether the event store and the ledger hold each published fact once: none lost, none doubled. */
    private static String exactness(LedgerProgress progress, String prefix, Set<String> eventIds) throws Exception {
        long inEventStore = progress.allFactEvents();
        Set<String> onLedger = progress.ledgerEventIds(prefix);
        long rows = progress.ledgerFacts(prefix);
        long missing = eventIds.stream().filter(id -> !onLedger.contains(id)).count();
        boolean exact = inEventStore == eventIds.size() && rows == eventIds.size() && missing == 0;
        return String.format("%s: %,d fact events, %,d ledger_fact rows, %,d published facts missing",
                exact ? "exact" : "NOT EXACT", inEventStore, rows, missing);
    }

    private static void print(BenchmarkReport report, int facts, RawKafkaBaseline.Throughput raw, List<Run> runs,
                              Duration patience) {
        report.table(String.format("Raw Kafka baseline: %,d records of %,d bytes, %d partitions, one idempotent "
                        + "producer (acks=all, lz4, batch 256 KiB, linger 20 ms), one consumer", facts,
                RawKafkaBaseline.RECORD_BYTES, PARTITIONS), List.of("", "records/s", "took"),
                List.of(List.of("produce", count(raw.producedPerSecond()), seconds(raw.producing())),
                        List.of("consume", count(raw.consumedPerSecond()), seconds(raw.consuming()))));

        List<String> header = new ArrayList<>(List.of(""));
        runs.forEach(run -> header.add(run.jit().equals("c1") ? "C1 only" : "full JIT"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(runs, "start-up to ready", run -> seconds(run.startup())));
        for (String store : List.of("event store", "ledger")) {
            rows.add(row(runs, store + ": facts/s", run -> milestone(run, store).rate()));
            rows.add(row(runs, "  × raw consume", run -> milestone(run, store).ratio(raw.consumedPerSecond())));
            rows.add(row(runs, "  last fact after start", run -> milestone(run, store).last()));
        }
        rows.add(row(runs, "raw SQL ceiling, INSERT: facts/s", run -> count(run.ceiling().insertedFactsPerSecond())));
        rows.add(row(runs, "  event rows/s", run -> count(run.ceiling().insertedRowsPerSecond())));
        rows.add(row(runs, "  × raw consume",
                run -> String.format("%.4f", run.ceiling().insertedFactsPerSecond() / raw.consumedPerSecond())));
        rows.add(row(runs, "raw SQL ceiling, COPY: facts/s", run -> count(run.ceiling().copiedFactsPerSecond())));
        rows.add(row(runs, "  × raw consume",
                run -> String.format("%.4f", run.ceiling().copiedFactsPerSecond() / raw.consumedPerSecond())));
        rows.add(row(runs, "event store × INSERT ceiling",
                run -> run.eventStore().ratio(run.ceiling().insertedFactsPerSecond())));
        rows.add(row(runs, "anomalies recorded", run -> count(run.anomalies())));
        rows.add(row(runs, "core peak RSS (VmHWM)", run -> mib(run.peakRssKib())));
        report.table(String.format("Core: %,d facts on 2 topics × %d partitions, new database and consumer group per "
                + "run; gives up after %s", facts, PARTITIONS, seconds(patience)), header, rows);
        report.line("The raw SQL ceilings write each run's own event store rows again into a copy of the table with its"
                + " indexes, one commit per 500 facts' rows: by plain JDBC batches of 500 INSERTs, and by COPY. They"
                + " are what PostgreSQL allows any intake on this machine.");
        runs.forEach(run -> report.line("%s run, every published fact once? %s", run.jit(), run.exact()));
    }

    private static Milestone milestone(Run run, String store) {
        return store.equals("ledger") ? run.ledger() : run.eventStore();
    }

    private static List<String> row(List<Run> runs, String label, Function<Run, String> cell) {
        List<String> row = new ArrayList<>(List.of(label));
        runs.forEach(run -> row.add(cell.apply(run)));
        return row;
    }

    /** When a count first moved and when it reached its target, seen at each look. */
    private static final class Milestone {

        private final long target;
        private final long started;
        private long firstAt;
        private long countAtFirst;
        private long lastAt;
        private long latest;

        Milestone(long target, long started) {
            this.target = target;
            this.started = started;
        }

        void observe(long count) {
            long now = System.nanoTime();
            latest = count;
            if (count > 0 && firstAt == 0) {
                firstAt = now;
                countAtFirst = count;
            }
            if (count >= target && lastAt == 0) {
                lastAt = now;
            }
        }

        boolean reached() {
            return lastAt != 0;
        }

        /** From the first look that saw progress, so that the core's start-up is not counted against it. */
        String rate() {
            if (!reached()) {
                return String.format("did not finish (%,d of %,d)", latest, target);
            }
            return lastAt == firstAt ? "all within one look" : count(perSecond());
        }

        String ratio(double rawPerSecond) {
            return reached() && lastAt != firstAt ? String.format("%.4f", perSecond() / rawPerSecond) : "-";
        }

        String last() {
            return reached() ? seconds(Duration.ofNanos(lastAt - started)) : "-";
        }

        private double perSecond() {
            return (target - countAtFirst) / ((lastAt - firstAt) / 1e9);
        }
    }
}
