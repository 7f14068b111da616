package org.clueexchange.core.reconciliation.roots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.clueexchange.core.origin.OriginConfiguration;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.messages.PeriodRoot;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.subscription.FactAdmission;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.TimeBounds;
import org.clueexchange.wire.origin.OriginVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify over an archive, as an auditor runs it on a machine of their own: two months of Zhaotong's, the first
 * confirmed by both agencies with its digest and root, the second issued only; then the same archive with one byte
 * of one fact changed, a record taken out, and a link that does not follow the one before it.
 */
class RootVerificationTest {

    private static final String JUNE = "STATEMENT-530600-2020-06";
    private static final String JULY = "STATEMENT-530600-2020-07";
    private static final String JUNE_DIGEST = "d".repeat(64);
    private static final Instant JUNE_10 = ClueEventSamples.AT;

    private final SignedFacts zhaotong = new SignedFacts("530600");
    private final FactAdmission admission = OriginConfiguration.admission(Clock.systemUTC(),
            TimeBounds.DEFAULT_CLOCK_SKEW, new OriginVerifier(zhaotong.keys()));
    private final TopicLog log = new TopicLog();
    private final List<ChainLink> links = new ArrayList<>();
    private ClueTransferred transfer;

    @TempDir
    Path dir;

    /** The two months on the topics, each link computed as the core computes it at issue. */
    private Path archive() throws IOException {
        transfer = ClueEventSamples.transfer("A1", JUNE_10);
        log.append(zhaotong.sign(AgencyType.POLICE, List.of(transfer,
                ClueEventSamples.transfer("A2", JUNE_10.plusSeconds(5)))));
        log.append(zhaotong.sign(AgencyType.DISCIPLINE, List.of(ClueEventSamples.receipt(transfer,
                JUNE_10.plusSeconds(60)))));
        PeriodRoot june = issue(JUNE, JUNE_DIGEST, null);
        log.append(zhaotong.sign(AgencyType.POLICE, List.of(ClueEventSamples.confirmation(JUNE,
                ClueEventSamples.ZHAOTONG_POLICE, JUNE_DIGEST, june.root(), JUNE_10.plusSeconds(86_400 * 25)))));
        log.append(zhaotong.sign(AgencyType.DISCIPLINE, List.of(ClueEventSamples.confirmation(JUNE,
                ClueEventSamples.ZHAOTONG_DISCIPLINE, JUNE_DIGEST, june.root(), JUNE_10.plusSeconds(86_400 * 26)))));
        log.append(zhaotong.sign(AgencyType.DISCIPLINE, List.of(ClueEventSamples.acceptance(transfer,
                JUNE_10.plusSeconds(86_400 * 30)))));
        issue(JULY, "e".repeat(64), june);

        Path file = dir.resolve(Archive.FILE_NAME);
        try (Archive.Writer writer = new Archive.Writer(file, log.cut(), Instant.now())) {
            for (ChainLink link : links) {
                writer.link(link);
            }
            log.records().forEach(writer::record);
        }
        return file;
    }

    private PeriodRoot issue(String statementId, String digest, PeriodRoot previous) {
        Cut from = previous == null ? Cut.START : Cut.parse(previous.cut());
        PeriodWindow window = new PeriodWindow("530600", previous == null ? PeriodWindow.FIRST_PREVIOUS_ROOT
                : previous.root(), from, log.cut());
        log.records().stream().filter(window::covers)
                .forEach(record -> window.take(record, admission.admit(record.consumerRecord())));
        PeriodRoot root = new PeriodRoot(links.size() + 1, window.root(), previous == null
                ? PeriodWindow.FIRST_PREVIOUS_ROOT : previous.root(), log.cut().text(), window.size());
        links.add(new ChainLink(statementId, 1, "530600", Cadence.MONTHLY, digest, root));
        return root;
    }

    private RootVerification.Report verify(Path file, String clueId) throws IOException {
        RootVerification verification = new RootVerification(zhaotong.keys(), admission, clueId);
        Archive.read(file, verification);
        return verification.finish();
    }

    @Test
    void anArchiveOfAMonthBothAgenciesConfirmedVerifiesOfflineWithProofsOfAClue() throws IOException {
        RootVerification.Report report = verify(archive(), "A1");

        assertThat(report.failures()).isEmpty();
        assertThat(report.lines()).anyMatch(line -> line.startsWith("双方签认 co-signed by both agencies: " + JUNE
                + " revision 1 (link 1 of 530600/MONTHLY) root " + links.get(0).periodRoot().root()));
        assertThat(report.lines()).anyMatch(line -> line.startsWith("未经双方签认 not co-signed by both agencies: "
                + JULY));
        assertThat(report.lines()).filteredOn(line -> line.startsWith("包含证明 inclusion proof: A1"))
                .as("the transfer and the receipt in June, the acceptance in July").hasSize(3)
                .allMatch(line -> line.endsWith("(verifies)"));
        assertThat(report.lines()).last().isEqualTo("核验通过 verified");
    }

    @Test
    void oneChangedByteOfOneFactIsNamedByItsTopicPartitionOffsetAndEventId() throws IOException {
        Path file = archive();
        List<String> lines = Files.readAllLines(file);
        int at = lineOf(lines, "\"topic\":\"clue.police.events\",\"partition\":0,\"offset\":0,");
        byte[] value = Base64.getDecoder().decode(field(lines.get(at), "value"));
        int actor = indexOf(value, "officer-POLICE".getBytes(StandardCharsets.US_ASCII));
        value[actor] = 'O';
        lines.set(at, lines.get(at).replace(field(lines.get(at), "value"),
                Base64.getEncoder().encodeToString(value)));
        Files.write(file, lines);

        RootVerification.Report report = verify(file, null);

        assertThat(report.verified()).isFalse();
        assertThat(report.failures()).anyMatch(failure -> failure.startsWith(JUNE + " revision 1")
                && failure.contains("clue.police.events/0/0 event " + transfer.getEnvelope().getEventId()
                + ": security: the signature of key " + AgencyKeyring.forTests().signing(AgencyType.POLICE).key().keyId()
                + " does not verify over the fact's bytes"));
        assertThat(report.lines()).last().asString().startsWith("核验未通过 NOT verified");
    }

    @Test
    void aRecordTakenOutOrALinkOutOfTheChainFails() throws IOException {
        Path file = archive();
        List<String> lines = Files.readAllLines(file);
        lines.remove(lineOf(lines, "\"topic\":\"clue.discipline.events\",\"partition\":0,\"offset\":0,"));
        Files.write(file, lines);
        assertThat(verify(file, null).failures()).anyMatch(failure -> failure.startsWith(JUNE
                + " revision 1 (link 1 of 530600/MONTHLY): the records give root "));

        List<String> relinked = Files.readAllLines(archive());
        int july = lineOf(relinked, "\"statementId\":\"" + JULY + "\"");
        relinked.set(july, relinked.get(july).replace(links.get(0).periodRoot().root(), "0".repeat(64)));
        Path forked = dir.resolve("forked.jsonl");
        Files.write(forked, relinked);
        assertThat(verify(forked, null).failures()).anyMatch(failure -> failure.contains(
                "its previous root " + "0".repeat(64) + " is not " + links.get(0).periodRoot().root()));
    }

    @Test
    void whatIsNotAnArchiveIsRefusedNamingTheLine() throws IOException {
        Path file = archive();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(2, lines.get(lines.size() - 1));
        Files.write(file, lines);
        assertThatThrownBy(() -> verify(file, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 4").hasMessageContaining("a link after the records");

        Files.writeString(file, "{\"format\":\"something else\"}\n");
        assertThatThrownBy(() -> verify(file, null)).hasMessageContaining("is not a clue-exchange-archive");
        Files.writeString(file, "");
        assertThatThrownBy(() -> verify(file, null)).hasMessageContaining("empty");
    }

    private static int lineOf(List<String> lines, String containing) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(containing)) {
                return i;
            }
        }
        throw new AssertionError("no line holds " + containing);
    }

    private static String field(String line, String name) {
        int start = line.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return line.substring(start, line.indexOf('"', start));
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not in the bytes");
    }
}
