package org.clueexchange.embedded.benchmark;

import static org.clueexchange.embedded.benchmark.BenchmarkReport.count;
import static org.clueexchange.embedded.benchmark.BenchmarkReport.millis;
import static org.clueexchange.embedded.benchmark.BenchmarkReport.mib;
import static org.clueexchange.embedded.benchmark.BenchmarkReport.seconds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.clueexchange.embedded.ApplicationProcess;
import org.clueexchange.embedded.EmbeddedExchange;
import org.clueexchange.embedded.ExchangeDeployment;
import org.clueexchange.embedded.MonthlyTrafficGenerator;
import org.clueexchange.embedded.MonthlyTrafficGenerator.Sender;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.infrastructure.LatencyPercentiles;
import org.clueexchange.infrastructure.RawKafkaBaseline;

/**
 * How long a transfer takes through the whole exchange, each application a process of its jar: from the police
 * adapter's 202 to the clue in the discipline adapter's inbox, and to the clue on the core's ledger. First at a low
 * steady rate on an idle exchange, then at the same rate while the core works off a backlog of facts published onto
 * the topics just before. Beside it, raw Kafka's own produce→consume latency on the same broker.
 *
 * <p>{@code -Dbenchmark.rate=} transfers a second (default 20) for {@code -Dbenchmark.seconds=} (default 30) after
 * {@code -Dbenchmark.warmupSeconds=} (default 5); {@code -Dbenchmark.backlog=} facts (default 50,000), of another
 * prefecture than the transfers' (530100, Kunming), so that the core takes them all and the adapters of Zhaotong
 * read past them, as in a province whose topics carry every prefecture's facts.
 */
public final class EndToEndLatencyBenchmark {

    private static final String JURISDICTION = "530600";
    private static final String BACKLOG_JURISDICTION = "530100";
    private static final int RAW_RECORDS = 1_000;
    private static final double RAW_PER_SECOND = 100;
    /** The most a transfer is waited for after the last was posted, beyond which it counts as not arrived. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    public static void main(String[] args) throws Exception {
        int rate = BenchmarkReport.setting("rate", 20);
        int seconds = BenchmarkReport.setting("seconds", 30);
        int warmup = BenchmarkReport.setting("warmupSeconds", 5);
        int backlogFacts = BenchmarkReport.setting("backlog", 50_000);
        int minRate = BenchmarkReport.setting("minFactsPerSecond", 300);
        BenchmarkReport report = new BenchmarkReport("End-to-end latency benchmark: a transfer from the police "
                + "adapter to the discipline adapter's inbox and the core's ledger");
        Path work = Files.createTempDirectory("clue-exchange-latency-benchmark");
        try (ExchangeInfrastructure infrastructure = ExchangeInfrastructure.start(
                ExchangeInfrastructure.Mode.EMBEDDED, work)) {
            String kafka = infrastructure.kafka().bootstrapServers();
            report.line("%s; work directory %s", infrastructure.description(), work);
            LatencyPercentiles raw = new RawKafkaBaseline(kafka).latency(RAW_RECORDS, RAW_PER_SECOND);

            try (ExchangeDeployment deployment = ExchangeDeployment.start(infrastructure,
                    EmbeddedExchange.besideThisJar(), new ExchangeDeployment.Ports(0, 0, 0), work.resolve("logs"),
                    JURISDICTION, "latency_", Map.of(), AgencyKeyring.forTests());
                 LedgerProgress progress = new LedgerProgress(deployment.coreDatabase());
                 AgencyTopics topics = new AgencyTopics(kafka)) {
                JsonHttp inbox = new JsonHttp(deployment.discipline(), deployment.credentials().disciplineClueSystem());
                JsonHttp ledger = deployment.coreAsOfficer();
                Arrivals.Place inInbox = new Arrivals.Place("discipline inbox",
                        clueId -> inbox.get("/api/v1/inbox/" + clueId).status() == 200);
                Arrivals.Place onLedger = new Arrivals.Place("core ledger",
                        clueId -> ledger.get("/api/ledger/clues/" + clueId).status() == 200);
                MonthlyTrafficGenerator police = new MonthlyTrafficGenerator(deployment);
                String run = UUID.randomUUID().toString().substring(0, 8);
                try (Arrivals arrivals = new Arrivals(List.of(inInbox, onLedger), PATIENCE)) {
                    Transfers transfers = new Transfers(police, arrivals, rate, "LAT-" + run);
                    transfers.post(Duration.ofSeconds(warmup), new AtomicBoolean()).await();
                    Arrivals.Phase steady = transfers.post(Duration.ofSeconds(seconds), new AtomicBoolean());
                    steady.await();

                    String prefix = "BACKLOG-" + run;
                    long backlogStart = System.nanoTime();
                    WholeLifecycles.Published backlog = WholeLifecycles.publish(topics, prefix,
                            BACKLOG_JURISDICTION, WholeLifecycles.cluesFor(backlogFacts));
                    Duration backlogPatience = Duration.ofSeconds(60 + backlog.facts() / minRate);
                    AtomicBoolean workedOff = new AtomicBoolean();
                    CompletableFuture<Duration> backlogTook = CompletableFuture.supplyAsync(() ->
                            awaitLedger(progress, prefix, backlog.facts(), backlogStart, backlogPatience, workedOff));
                    Arrivals.Phase busy = transfers.post(backlogPatience, workedOff);
                    Duration took = backlogTook.join();
                    busy.await();

                    print(report, rate, seconds, List.of(inInbox, onLedger), steady, busy, raw);
                    report.line("%nBacklog: %,d facts (%,d whole lifecycles of %s), published in %s, %s", backlog
                            .facts(), backlog.clues(), BACKLOG_JURISDICTION, seconds(backlog.took()), took == null
                            ? "did not finish: not all on the ledger after " + seconds(backlogPatience)
                            : "all on the core's ledger " + seconds(took) + " after publishing began ("
                            + count(backlog.facts() / (took.toNanos() / 1e9)) + " facts/s)");
                }
                List<List<String>> memory = new ArrayList<>();
                for (ApplicationProcess application : deployment.applications()) {
                    memory.add(List.of(application.name(), mib(BenchmarkReport.peakRssKib(application.pid()))));
                }
                memory.add(List.of("benchmark (with the broker)", mib(BenchmarkReport.ownPeakRssKib())));
                report.table("Peak RSS (VmHWM)", List.of("process", "peak RSS"), memory);
            }
        }
        BenchmarkReport.delete(work);
    }

    /** When the backlog was all on the ledger, counted from {@code start}; null if not within {@code patience}. */
    private static Duration awaitLedger(LedgerProgress progress, String prefix, int facts, long start,
                                        Duration patience, AtomicBoolean workedOff) {
        try {
            while (System.nanoTime() - start < patience.toNanos()) {
                if (progress.ledgerFacts(prefix) >= facts) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                Thread.sleep(250);
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("cannot follow the backlog", e);
        } finally {
            workedOff.set(true);
        }
    }

    private static void print(BenchmarkReport report, int rate, int seconds, List<Arrivals.Place> places,
                              Arrivals.Phase steady, Arrivals.Phase busy, LatencyPercentiles raw) {
        List<List<String>> rows = new ArrayList<>();
        for (Arrivals.Phase phase : List.of(steady, busy)) {
            for (Arrivals.Place place : places) {
                rows.add(row(place.name() + (phase == steady ? ", idle exchange" : ", during the backlog"),
                        phase.latency(place), String.valueOf(phase.missing(place)), phase.pollsPerSecond(place),
                        phase.meanPoll(place)));
            }
        }
        rows.add(row(String.format("raw Kafka produce→consume, %.0f/s", RAW_PER_SECOND), raw, "0", "-", "-"));
        report.table(String.format("Latency from the police adapter's 202 (%d transfers/s, %d s idle; applications "
                        + "with the embedded mode's JVM options %s; each clue polled every %d ms or 5%% of its wait "
                        + "so far, by %d threads per place; raw Kafka: 1 KiB records with the exchange's client "
                        + "settings)", rate, seconds, ApplicationProcess.EMBEDDED_JVM_OPTIONS, Arrivals.MIN_POLL_MILLIS,
                Arrivals.POLLERS_PER_PLACE), List.of("", "n", "p50", "p95", "p99", "max", "not arrived", "polls/s",
                "mean poll"), rows);
    }

    private static List<String> row(String label, LatencyPercentiles latency, String missing, String polls,
                                    String meanPoll) {
        return List.of(label, String.valueOf(latency.samples()), millis(latency.p50()), millis(latency.p95()),
                millis(latency.p99()), millis(latency.max()), missing, polls, meanPoll);
    }

    /** The police case system transferring clues at a steady rate, each watched from its 202 on. */
    private static final class Transfers {

        private final MonthlyTrafficGenerator police;
        private final Arrivals arrivals;
        private final long interval;
        private final String prefix;
        private int posted;

        Transfers(MonthlyTrafficGenerator police, Arrivals arrivals, int perSecond, String prefix) {
            this.police = police;
            this.arrivals = arrivals;
            this.interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            this.prefix = prefix;
        }

        /** Posts for {@code duration} or until {@code enough} is set; a late post is sent at once, not skipped. */
        Arrivals.Phase post(Duration duration, AtomicBoolean enough) {
            Arrivals.Phase phase = arrivals.phase();
            long start = System.nanoTime();
            for (long i = 0; ; i++) {
                long due = start + i * interval;
                if (due - start >= duration.toNanos() || enough.get()) {
                    return phase;
                }
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                // Transferred now, so that its time limits run from now and none falls due while it is watched.
                String clueId = police.transfer(MonthlyTrafficGenerator.closedLoop(prefix + "-" + posted++,
                        Sender.POLICE, "OWN_DISCOVERY", "TOWNSHIP_SECTION", LocalDateTime.now(), Map.of())
                        .with(Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null, null));
                phase.watch(clueId, System.nanoTime());
            }
        }
    }
}
