package org.clueexchange.core.reconciliation.roots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.clueexchange.core.ClueExchangeCore;
import org.clueexchange.core.RunningCore;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.subscription.KafkaSettings;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.origin.OriginSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A month of Dehong's (533100), which no other test touches, on a real broker and PostgreSQL: its facts signed by
 * both agencies' keys, the statement issued with its root, confirmed by both agencies with its digest and root,
 * exported by {@code export-archive}, and verified offline by {@code verify --archive} in a JVM of its own given no
 * database and no broker; then the same archive with one byte of one fact changed, which verify names.
 */
class PeriodRootsIT {

    private static final String JURISDICTION = "533100";
    private static final String STATEMENT = "STATEMENT-533100-2021-03";
    private static final Instant MARCH_8 = Instant.parse("2021-03-08T02:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Agency POLICE = new Agency(AgencyType.POLICE, JURISDICTION);
    private static final Agency DISCIPLINE = new Agency(AgencyType.DISCIPLINE, JURISDICTION);

    private final SignedFacts dehong = new SignedFacts(JURISDICTION);

    @TempDir
    Path dir;

    @Test
    void aMonthBothAgenciesConfirmedVerifiesOfflineFromItsArchiveAndAChangedByteIsNamed() throws Exception {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        Database database = infrastructure.postgres().createDatabase("period_roots");
        String kafka = infrastructure.kafka().bootstrapServers();
        String clueId = "POLICE-533100-2021-0001";
        ClueTransferred transfer = ClueTransferred.newBuilder(ClueEventSamples.transfer(clueId, MARCH_8))
                .setEnvelope(ClueEventSamples.envelope(clueId, POLICE, MARCH_8)).setReceiver(DISCIPLINE).build();
        ClueReceived receipt = ClueReceived.newBuilder(ClueEventSamples.receipt(transfer, MARCH_8.plusSeconds(600)))
                .setEnvelope(ClueEventSamples.envelope(clueId, DISCIPLINE, MARCH_8.plusSeconds(600))).build();

        try (RunningCore core = RunningCore.start(database, kafka, "period-roots-it");
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(kafka,
                     "period-roots-it"))) {
            RecordMetadata sent = publish(producer, dehong.sign(AgencyType.POLICE, List.of(transfer))).get(0);
            publish(producer, dehong.sign(AgencyType.DISCIPLINE, List.of(receipt)));
            await().atMost(PATIENCE).until(() -> core.entry(clueId).isPresent());

            JsonHttp officer = core.as(CoreCredentials.officer("530000"));
            JsonNode issued = officer.post("/api/reconciliation/monthly", Map.of("jurisdiction", JURISDICTION,
                    "period", "2021-03")).successfully();
            JsonNode root = issued.path("periodRoot");
            assertThat(root.path("link").asInt()).isEqualTo(1);
            assertThat(root.path("previousRoot").asText()).isEqualTo(PeriodWindow.FIRST_PREVIOUS_ROOT);
            assertThat(root.path("facts").asInt()).as("the transfer and the receipt").isEqualTo(2);
            // As a reader sees the page: its digests print in groups of hex digits, one group to a line.
            assertThat(officer.get("/api/reconciliation/monthly/" + STATEMENT + "?format=html").raw().body()
                    .replaceAll("<[^>]+>", "").replaceAll("\\s", ""))
                    .contains("期间根Periodroot", root.path("root").asText());

            String digest = issued.path("digest").asText();
            Instant april2 = Instant.parse("2021-04-02T02:00:00Z");
            publish(producer, dehong.sign(AgencyType.POLICE, List.of(ClueEventSamples.confirmation(STATEMENT, POLICE,
                    digest, root.path("root").asText(), april2))));
            publish(producer, dehong.sign(AgencyType.DISCIPLINE, List.of(ClueEventSamples.confirmation(STATEMENT,
                    DISCIPLINE, digest, root.path("root").asText(), april2.plusSeconds(3_600)))));
            await().atMost(PATIENCE).until(() -> core.get("/api/reconciliation/monthly/" + STATEMENT).body()
                    .path("status").asText().equals("CONFIRMED"));

            Path archive = dir.resolve("archive");
            Files.createDirectories(archive);
            assertThat(run("export-archive", archive.toString(),
                    "--spring.datasource.url=" + database.jdbcUrl(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.datasource.password=" + database.password(),
                    "--clue-exchange.kafka.bootstrap-servers=" + kafka).exit()).isZero();
            Path keys = dir.resolve("agency-keys.properties");
            Files.writeString(keys, dehong.keys().text());

            Run verified = run("verify", "--archive", archive.toString(), "--agency-keys", keys.toString(),
                    "--clue", clueId);
            assertThat(verified.exit()).as(verified.output()).isZero();
            assertThat(verified.output()).contains("根一致 root verified: " + STATEMENT + " revision 1 (link 1 of "
                    + JURISDICTION + "/MONTHLY) " + root.path("root").asText() + " over 2 facts");
            assertThat(verified.output()).contains("双方签认 co-signed by both agencies: " + STATEMENT);
            assertThat(verified.output().lines().filter(line -> line.startsWith("包含证明 inclusion proof: " + clueId))
                    .toList()).hasSize(2).allMatch(line -> line.endsWith("(verifies)"));

            Path file = archive.resolve(Archive.FILE_NAME);
            String position = sent.topic() + "/" + sent.partition() + "/" + sent.offset();
            Files.write(file, changeOneByte(Files.readAllLines(file), sent));
            Run tampered = run("verify", "--archive", file.toString(), "--agency-keys", keys.toString());
            assertThat(tampered.exit()).as(tampered.output()).isEqualTo(1);
            assertThat(tampered.output()).contains("不符 FAILED " + STATEMENT + " revision 1")
                    .contains(position + " event " + transfer.getEnvelope().getEventId() + ": security: ");
        }
    }

    private static List<RecordMetadata> publish(KafkaProducer<String, byte[]> producer,
                                                List<SignedFacts.Signed> facts) throws Exception {
        List<RecordMetadata> sent = new ArrayList<>();
        for (SignedFacts.Signed fact : facts) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(fact.topic(), fact.key(), fact.value());
            record.headers().add(new RecordHeader(OriginSignature.HEADER, fact.origin()));
            sent.add(producer.send(record).get(30, TimeUnit.SECONDS));
        }
        return sent;
    }

    /** The record's officer id in the archive with one letter's case changed: still a fact, no longer signed. */
    private static List<String> changeOneByte(List<String> lines, RecordMetadata sent) {
        String at = "\"topic\":\"" + sent.topic() + "\",\"partition\":" + sent.partition() + ",\"offset\":"
                + sent.offset() + ",";
        List<String> changed = new ArrayList<>(lines);
        for (int i = 0; i < changed.size(); i++) {
            String line = changed.get(i);
            if (line.contains(at)) {
                int start = line.indexOf("\"value\":\"") + 9;
                String value = line.substring(start, line.indexOf('"', start));
                byte[] bytes = Base64.getDecoder().decode(value);
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                bytes[text.indexOf("officer-POLICE")] = 'O';
                changed.set(i, line.replace(value, Base64.getEncoder().encodeToString(bytes)));
                return changed;
            }
        }
        throw new AssertionError("the archive holds no record at " + at);
    }

    record Run(int exit, String output) {
    }

    /** The core's command line in a JVM of its own, given only the arguments: what an operator runs. */
    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ClueExchangeCore.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
