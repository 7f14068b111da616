package org.clueexchange.police.benchmark;

import ch.qos.logback.classic.Level;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.clueexchange.benchmark.BareInsertApplication;
import org.clueexchange.events.AgencyType;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.RunningApplication;
import org.clueexchange.police.PoliceAdapter;
import org.slf4j.LoggerFactory;

/**
 * How fast the police adapter accepts transfers ({@code POST /api/v1/clue-transfers}: authenticated, validated,
 * stored in the outbox, answered 202), beside a bare Spring MVC endpoint on the same stack that does one INSERT of
 * the same body per request. Both run in this JVM on the infrastructure the integration tests use; the ratio of the
 * two is what to compare between runs and machines, and the CPU this process spends per accepted request, which
 * other load on the machine changes less than the rates.
 *
 * <pre>CLUE_EXCHANGE_INFRA=embedded ./mvnw -B -pl police-adapter -am -Pbenchmark -DskipTests verify</pre>
 *
 * {@code -Dbenchmark.clients=12} concurrent clients, {@code -Dbenchmark.requests=10000} measured requests per
 * endpoint after {@code -Dbenchmark.warmup=20000}: the JIT takes that long to settle.
 */
public final class AdapterAcceptBenchmark {

    private static final String TOKEN = UUID.randomUUID().toString();
    private static final String TRANSFERS = "/api/v1/clue-transfers";
    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private AdapterAcceptBenchmark() {
    }

    /**
     * What one endpoint did under load: answer times of the requests answered 202, the others counted, and the CPU
     * this process spent meanwhile (clients, applications, broker).
     */
    private record Load(int accepted, int refused, double seconds, double cpuSeconds, double[] sortedMillis) {

        double cpuMillisPerAccepted() {
            return cpuSeconds * 1e3 / accepted;
        }

        double perSecond() {
            return accepted / seconds;
        }

        double percentile(int percent) {
            return sortedMillis[Math.max(0, (int) Math.ceil(percent / 100.0 * sortedMillis.length) - 1)];
        }

        double max() {
            return sortedMillis[sortedMillis.length - 1];
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("benchmark.clients", 12);
        int requests = Integer.getInteger("benchmark.requests", 10_000);
        int warmup = Integer.getInteger("benchmark.warmup", 20_000);
        // Startup lines of two applications would bury the table; nothing on the request path logs below WARN.
        Map<String, String> quiet = Map.of("logging.level.root", "warn");

        // Before Spring Boot takes logging over, logback logs DEBUG, and the broker would log its every step.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        Path workDir = Files.createTempDirectory("adapter-accept-benchmark");
        try (ExchangeInfrastructure infrastructure = ExchangeInfrastructure.start(workDir);
             RunningApplication adapter = RunningApplication.start(PoliceAdapter.class,
                     infrastructure.postgres().createDatabase("police_accept_benchmark"),
                     with(quiet, AdapterSettings.serving(AgencyType.POLICE, "530600", infrastructure)
                             .client("benchmark-case-system", TOKEN, "530600").asMap()));
             // Its own configuration name, so that the police adapter's application.yml (its migrations among
             // it) stays out.
             RunningApplication bare = RunningApplication.start(BareInsertApplication.class,
                     infrastructure.postgres().createDatabase("bare_accept_benchmark"), with(quiet, Map.of(
                             "spring.config.name", "bare-insert", "spring.main.banner-mode", "off",
                             "spring.flyway.enabled", "false")))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String run = UUID.randomUUID().toString().substring(0, 8);
            IntFunction<HttpRequest> toAdapter = i -> post(adapter.uri().resolve(TRANSFERS), transfer(run, i));
            IntFunction<HttpRequest> toBare = i -> post(bare.uri().resolve(BareInsertApplication.PATH),
                    transfer(run, i));
            int bodyBytes = transfer(run, 0).getBytes(StandardCharsets.UTF_8).length;

            drive(http, clients, 0, warmup, toAdapter);
            drive(http, clients, 0, warmup, toBare);
            Load police = drive(http, clients, warmup, requests, toAdapter);
            Load floor = drive(http, clients, warmup, requests, toBare);

            System.out.printf("%nAdapter accept benchmark: %d clients, %,d requests per endpoint after %,d warm-up, "
                            + "%,d-byte bodies; JVM %s, %d cores; %s%n", clients, requests, warmup, bodyBytes,
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), infrastructure.description());
            System.out.printf("%-44s %12s %8s %8s %8s %9s %12s%n", "endpoint", "accepted/s", "p50 ms", "p99 ms",
                    "max ms", "non-202", "CPU ms/req");
            row("police-adapter POST " + TRANSFERS, police);
            row("bare POST " + BareInsertApplication.PATH + " (one INSERT)", floor);
            System.out.printf("%-44s %12.2f%n", "ratio adapter / bare", police.perSecond() / floor.perSecond());
            System.out.printf("%-44s %,12d%n", "benchmark process peak RSS (VmHWM), MiB", peakRssKib() >> 10);
        } finally {
            deleteRecursively(workDir);
        }
    }

    private static Map<String, String> with(Map<String, String> extra, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(extra);
        return all;
    }

    private static void row(String endpoint, Load load) {
        System.out.printf("%-44s %12.0f %8.2f %8.2f %8.2f %9d %12.2f%n", endpoint, load.perSecond(),
                load.percentile(50), load.percentile(99), load.max(), load.refused(), load.cpuMillisPerAccepted());
    }

    /** {@code count} requests numbered from {@code first}, from {@code clients} clients each awaiting its answer. */
    private static Load drive(HttpClient http, int clients, int first, int count, IntFunction<HttpRequest> request)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long[] nanos = new long[count];
        Arrays.fill(nanos, -1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpuStarted = CPU.getProcessCpuTime();
        long started = System.nanoTime();
        try {
            Future<?>[] senders = new Future<?>[clients];
            for (int c = 0; c < clients; c++) {
                senders[c] = pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        HttpRequest sent = request.apply(first + i);
                        long start = System.nanoTime();
                        HttpResponse<String> answer = http.send(sent, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        if (answer.statusCode() == 202) {
                            nanos[i] = took;
                        } else if (refused.incrementAndGet() == 1) {
                            // The first refusal only: it says what is wrong, the count says how often.
                            System.out.printf("%s answered %d: %s%n", sent.uri(), answer.statusCode(),
                                    answer.body());
                        }
                    }
                    return null;
                });
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (CPU.getProcessCpuTime() - cpuStarted) / 1e9;
        double[] millis = Arrays.stream(nanos).filter(took -> took >= 0).mapToDouble(took -> took / 1e6).sorted()
                .toArray();
        if (millis.length == 0) {
            throw new IllegalStateException("no request was answered 202");
        }
        return new Load(millis.length, refused.get(), seconds, cpuSeconds, millis);
    }

    private static HttpRequest post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** A valid transfer of Zhaotong's police, its own record id numbered within this run. */
    private static String transfer(String run, int number) {
        return """
                {"recordId":"BM-%s-%07d","jurisdiction":"530600","officerId":"GA-0042",\
                "occurredAt":"2020-06-10T10:00:00+08:00","receiverJurisdiction":"530600",\
                "caseNumber":"ZT-2020-017","caseType":"MAFIA_TYPE_ORGANISATION","allegation":"PROTECTIVE_UMBRELLA",\
                "urgent":true,"officials":[{"name":"王某","unit":"某县公安局 副局长","rank":"COUNTY_DIVISION",\
                "role":"保护伞"}],"suspects":["刘某","陈某"],"summary":"王某多次为涉黑组织通风报信，在多次专项行动前泄露\
                行动部署，并为其成员违规办理取保候审。",\
                "attachments":[{"name":"询问笔录.pdf","sha256":"%s"}]}""".formatted(run, number, "b".repeat(64));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static long peakRssKib() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst()
                .orElseThrow(() -> new IllegalStateException("/proc/self/status has no VmHWM"));
    }
}
