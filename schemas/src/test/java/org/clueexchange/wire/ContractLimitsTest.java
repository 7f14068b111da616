package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.wire.ClueEventSamples.AT;
import static org.clueexchange.wire.ClueEventValidatorTest.VALIDATOR;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.Attachment;
import org.clueexchange.events.ClueConcluded;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueReturned;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.DisposalDecided;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.GangCaseReference;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Outcome;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.events.Priority;
import org.clueexchange.events.ProgressReported;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.events.ReturnReason;
import org.clueexchange.events.Subject;
import org.clueexchange.events.SupervisionKind;
import org.clueexchange.events.SupervisionOrdered;
import org.junit.jupiter.api.Test;

/** The largest events the limits allow fit Kafka's default record size with room to spare. */
class ContractLimitsTest {

    /** Half of Kafka's default {@code max.request.size} and {@code message.max.bytes}. */
    private static final int COMFORTABLY_BELOW_KAFKAS_LIMIT = 512 * 1024;

    private final ClueEventCodec codec = ClueEventCodec.create();

    @Test
    void theLargestTransferTakesAThirdOfAKafkaRecord() {
        ClueTransferred largest = largestTransfer();

        assertThat(VALIDATOR.violations(largest)).isEmpty();
        int bytes = codec.encode(largest).length;
        assertThat(bytes).isLessThan(COMFORTABLY_BELOW_KAFKAS_LIMIT)
                .as("the size ContractLimits documents").isBetween(350_000, 360_000);
    }

    @Test
    void everyOtherLargestEventStaysUnderFifteenThousandBytes() {
        String note = longest(ContractLimits.NOTE);
        EventEnvelope envelope = largestEnvelope(ClueEventSamples.ZHAOTONG_DISCIPLINE);
        List<OutcomeCount> outcomes = Arrays.stream(Outcome.values()).map(outcome -> new OutcomeCount(outcome,
                ContractLimits.PERSONS_PER_OUTCOME)).toList();
        List<SpecificRecord> largest = List.of(
                new ClueReturned(envelope, ReturnReason.OTHER, note),
                new DisposalDecided(envelope, DisposalMethod.OTHER, note),
                new ProgressReported(envelope, note),
                new ClueConcluded(envelope, outcomes, note),
                new FeedbackSent(envelope, outcomes, note),
                new SupervisionOrdered(envelope, SupervisionKind.ESCALATION,
                        new Agency(AgencyType.DISCIPLINE, "530000"), AT, note));

        for (SpecificRecord event : largest) {
            assertThat(codec.encode(event).length).as(ClueEvents.typeOf(event)).isLessThan(15_000);
        }
    }

    @Test
    void theLargestReceiptListsEveryDocumentInAFifthOfTheLargestTransfer() {
        ClueReceived largest = new ClueReceived(largestEnvelope(ClueEventSamples.ZHAOTONG_DISCIPLINE),
                ClueEventSamples.ZHAOTONG_POLICE, "", ReceiptChannel.OUTSIDE, longest(ContractLimits.CASE_NUMBER),
                IntStream.range(0, ContractLimits.ATTACHMENTS).mapToObj(i -> String.format("%03d", i)
                        + longest(ContractLimits.DOCUMENT_NAME - 3)).toList());

        assertThat(VALIDATOR.violations(largest)).isEmpty();
        assertThat(codec.encode(largest).length).as("the size ContractLimits documents").isBetween(76_000, 78_000);
    }

    /** Every list full, every text at its limit in characters of three UTF-8 bytes. */
    private static ClueTransferred largestTransfer() {
        ClueContent content = ClueContent.newBuilder()
                .setSource(ClueSource.OWN_DISCOVERY)
                .setAllegation(AllegationCategory.PROTECTIVE_UMBRELLA)
                .setPriority(Priority.URGENT)
                .setSubjects(IntStream.range(0, ContractLimits.SUBJECTS).mapToObj(i -> new Subject(
                        longest(ContractLimits.PERSON_NAME), longest(ContractLimits.WORK_UNIT),
                        OfficialRank.COUNTY_DIVISION, longest(ContractLimits.ROLE), null)).toList())
                .setSuspects(IntStream.range(0, ContractLimits.SUSPECTS)
                        .mapToObj(i -> longest(ContractLimits.PERSON_NAME)).toList())
                .setLinkedGangCase(new GangCaseReference(longest(ContractLimits.CASE_NUMBER),
                        GangCaseType.MAFIA_TYPE_ORGANISATION))
                .setSummary(longest(ContractLimits.CLUE_SUMMARY))
                .setAttachments(IntStream.range(0, ContractLimits.ATTACHMENTS).mapToObj(i -> new Attachment(
                        String.format("%03d", i) + longest(ContractLimits.DOCUMENT_NAME - 3), "a".repeat(64)))
                        .toList())
                .build();
        return new ClueTransferred(largestEnvelope(ClueEventSamples.ZHAOTONG_POLICE),
                ClueEventSamples.ZHAOTONG_DISCIPLINE, content, ClueContentDigest.of(content));
    }

    private static EventEnvelope largestEnvelope(Agency assertedBy) {
        EventEnvelope envelope = ClueEventSamples.envelope("P".repeat(128), assertedBy, AT);
        envelope.setActor(longest(ContractLimits.OFFICER_ID));
        return envelope;
    }

    private static String longest(int maxLength) {
        return "线".repeat(maxLength);
    }
}
