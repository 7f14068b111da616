package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.wire.ClueEventSamples.AT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueConcluded;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.ConfirmationOutcome;
import org.clueexchange.events.DisposalDecided;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.Outcome;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.events.StatementConfirmationRecorded;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.events.SupervisionKind;
import org.clueexchange.events.SupervisionOrdered;
import org.junit.jupiter.api.Test;

class ClueEventValidatorTest {

    /** The reader's clock: a month after the samples' facts, tolerating the default hour of skew. */
    static final Instant NOW = AT.plus(Duration.ofDays(30));
    static final ClueEventValidator VALIDATOR =
            new ClueEventValidator(new TimeBounds(Clock.fixed(NOW, ZoneOffset.UTC), TimeBounds.DEFAULT_CLOCK_SKEW));

    private final ClueTransferred transfer = ClueEventSamples.transfer("POLICE-530600-XS001", AT);

    @Test
    void wellFormedEventsPass() {
        assertThat(VALIDATOR.violations(transfer)).isEmpty();
        assertThat(VALIDATOR.violations(ClueEventSamples.receipt(transfer, AT))).isEmpty();
        assertThat(VALIDATOR.violations(ClueEventSamples.receiptOutside(transfer, "ZT-2020-017", AT))).isEmpty();
        assertThat(VALIDATOR.violations(ClueEventSamples.acceptance(transfer, AT))).isEmpty();
    }

    @Test
    void eachViolationNamesItsField() {
        transfer.getEnvelope().setEventId("not-a-uuid");
        transfer.getEnvelope().setAssertedBy(new Agency(AgencyType.POLICE, "53060"));
        transfer.getEnvelope().setActor(" ");
        transfer.setReceiver(new Agency(AgencyType.POLICE, "530600"));

        assertThat(VALIDATOR.violations(transfer)).containsExactly(
                "envelope.eventId: must be a lower-case UUID",
                "envelope.assertedBy.jurisdiction: '53060' is not a six-digit GB/T 2260 code",
                "envelope.actor: must not be blank",
                "receiver.type: a clue is transferred to the other kind of agency");
    }

    @Test
    void aClueIdMayHoldChineseButNothingThatBreaksAUrlPathOrACell() {
        for (String clueId : List.of("POLICE-530600-刑事-2020-123", "POLICE-530600-昭公（刑）立字〔2020〕123号",
                "DISCIPLINE-530600-【巡察】(2020)7", "POLICE-530600-𠀋家村-1", "legacy:ZT.2020_7")) {
            assertThat(VALIDATOR.violations(ClueEventSamples.transfer(clueId, AT))).as(clueId).isEmpty();
        }
        for (String clueId : List.of("POLICE-530600-XS/1", "POLICE-530600-XS\\1", "POLICE-530600-XS 1",
                "POLICE-530600-XS%1", "POLICE-530600-XS;1", "POLICE-530600-XS?1", "POLICE-530600-XS#1",
                "POLICE-530600-XS,1", "POLICE-530600-\"XS1\"", "POLICE-530600-XS\t1", "POLICE-530600-刑事\u30001",
                "-POLICE-530600-XS1", "POLICE-530600-" + "X".repeat(115))) {
            assertThat(VALIDATOR.violations(ClueEventSamples.transfer(clueId, AT))).as(clueId)
                    .containsExactly("envelope.clueId: " + ClueEvents.CLUE_ID_RULE);
        }
    }

    @Test
    void aDigestThatDoesNotMatchTheContentIsRefused() {
        transfer.getContent().setSummary("改过的摘要");

        assertThat(VALIDATOR.violations(transfer)).containsExactly("contentDigest: does not match the content");
    }

    @Test
    void anAgencyOfATypeThisVersionDoesNotKnowIsRefused() {
        transfer.setReceiver(new Agency(AgencyType.UNKNOWN, "530600"));

        assertThat(VALIDATOR.violations(transfer)).containsExactly("receiver.type: unknown agency type");
    }

    @Test
    void everyLifecycleEventOfTheSamplesIsWellFormedInBothDirections() {
        for (ClueTransferred sent : List.of(transfer, ClueEventSamples.transferToPolice("DISCIPLINE-530600-YS001",
                AT))) {
            FeedbackSent feedback = ClueEventSamples.feedback(sent, AT);
            for (SpecificRecord event : List.of(sent, ClueEventSamples.receipt(sent, AT),
                    ClueEventSamples.acceptance(sent, AT), ClueEventSamples.returned(sent, AT),
                    ClueEventSamples.disposal(sent, AT), ClueEventSamples.progress(sent, AT),
                    ClueEventSamples.conclusion(sent, AT), feedback,
                    ClueEventSamples.acknowledgement(feedback, sent, AT), ClueEventSamples.supervision(sent, AT))) {
                assertThat(VALIDATOR.violations(event))
                        .as(ClueEvents.typeOf(event) + " to " + sent.getReceiver().getType()).isEmpty();
            }
        }
    }

    @Test
    void anAgencyDisposesAndConcludesOnlyInItsOwnTerms() {
        DisposalDecided disposal = ClueEventSamples.disposal(transfer, AT);
        disposal.setMethod(DisposalMethod.CRIMINAL_INVESTIGATION);
        ClueConcluded conclusion = ClueEventSamples.conclusion(transfer, AT);
        conclusion.setOutcomes(List.of(new OutcomeCount(Outcome.SENT_FOR_PROSECUTION, 2),
                new OutcomeCount(Outcome.PARTY_DISCIPLINE, -1), new OutcomeCount(Outcome.PARTY_DISCIPLINE, 1)));

        assertThat(VALIDATOR.violations(disposal))
                .containsExactly("method: CRIMINAL_INVESTIGATION is not a disposal method of DISCIPLINE");
        assertThat(VALIDATOR.violations(conclusion)).containsExactly(
                "outcomes[0].outcome: SENT_FOR_PROSECUTION is not an outcome of DISCIPLINE",
                "outcomes[1].persons: must not be negative",
                "outcomes[2].outcome: PARTY_DISCIPLINE is repeated");
    }

    @Test
    void aValueAddedByALaterSchemaVersionIsNoReasonToRefuseAFact() {
        DisposalDecided disposal = ClueEventSamples.disposal(transfer, AT);
        disposal.setMethod(DisposalMethod.OTHER);

        assertThat(VALIDATOR.violations(disposal)).isEmpty();
    }

    @Test
    void anEscalationNamesTheAgencyThatTakesOver() {
        SupervisionOrdered escalation = ClueEventSamples.supervision(transfer, AT);
        escalation.setKind(SupervisionKind.ESCALATION);

        assertThat(VALIDATOR.violations(escalation))
                .containsExactly("escalatedTo: an escalation names the agency that takes the clue over");
        escalation.setEscalatedTo(new Agency(AgencyType.DISCIPLINE, "530000"));
        assertThat(VALIDATOR.violations(escalation)).isEmpty();
    }

    @Test
    void aReceiptOutsideTheExchangeNamesTheSendersCaseNumberAndMayHoldNoDigest() {
        ClueReceived outside = ClueEventSamples.receiptOutside(transfer, "昭公（刑）立字〔2020〕123号", AT);
        assertThat(VALIDATOR.violations(outside)).isEmpty();

        outside.setSenderCaseNumber(null);
        assertThat(VALIDATOR.violations(outside))
                .containsExactly("senderCaseNumber: a receipt outside the exchange names the sender's case number");
        ClueReceived exchanged = ClueEventSamples.receipt(transfer, AT);
        exchanged.setContentDigest("");
        assertThat(VALIDATOR.violations(exchanged)).containsExactly("contentDigest: must be 64 lower-case hex digits");
    }

    @Test
    void aReceiptNamesEachDocumentOnce() {
        ClueReceived receipt = ClueEventSamples.receiptOutside(transfer, "ZT-2020-017", AT);
        receipt.setDocuments(List.of("移送函.pdf", "询问笔录.pdf", "移送函.pdf"));

        assertThat(VALIDATOR.violations(receipt)).containsExactly("documents[2]: is the name of an earlier document");
    }

    @Test
    void aTransferNamesSomebody() {
        transfer.getContent().setSubjects(List.of());
        transfer.setContentDigest(ClueContentDigest.of(transfer.getContent()));

        assertThat(VALIDATOR.violations(transfer))
                .containsExactly("content.subjects: a clue names at least one person, as a subject or a suspect");
        transfer.getContent().setSuspects(List.of("刘某"));
        transfer.setContentDigest(ClueContentDigest.of(transfer.getContent()));
        assertThat(VALIDATOR.violations(transfer)).isEmpty();
    }

    @Test
    void aStatementIsConfirmedOnlyByAnAgencyOfItsJurisdictionWithADigestAndARoot() {
        String statementId = "STATEMENT-530600-2020-06";
        StatementConfirmed confirmed = new StatementConfirmed(ClueEventSamples.envelope(statementId,
                ClueEventSamples.ZHAOTONG_POLICE, AT), statementId, "530600", "2020-06", "c".repeat(64),
                "a".repeat(64));
        assertThat(VALIDATOR.violations(confirmed)).isEmpty();
        assertThat(VALIDATOR.violations(StatementConfirmed.newBuilder(confirmed).setRoot("").build()))
                .as("a v1 confirmation, read without a root").isEmpty();

        StatementConfirmed outsider = new StatementConfirmed(ClueEventSamples.envelope(statementId,
                new Agency(AgencyType.POLICE, "530700"), AT), statementId, "530600", "2020-05", "C".repeat(64),
                "a\u0000".repeat(32));
        assertThat(VALIDATOR.violations(outsider)).containsExactly(
                "period: must be the statement's, 2020-06",
                "envelope.assertedBy.jurisdiction: an agency confirms only its own jurisdiction's statement",
                "digest: must be 64 lower-case hex digits",
                "root: must be 64 lower-case hex digits");
    }

    @Test
    void theCoresAnswerToAConfirmationSaysWhatItDecidedAboutWhichRevision() {
        StatementConfirmed confirmation = ClueEventSamples.confirmation("STATEMENT-530600-2020-06",
                ClueEventSamples.ZHAOTONG_POLICE, "c".repeat(64), "a".repeat(64), AT);
        StatementConfirmationRecorded refusal = ClueEventSamples.refusal(confirmation, "e".repeat(64), AT);
        assertThat(VALIDATOR.violations(refusal)).isEmpty();
        StatementConfirmationRecorded confirmed = StatementConfirmationRecorded.newBuilder(refusal)
                .setOutcome(ConfirmationOutcome.CONFIRMED).setReason(null).setStatementDigest("c".repeat(64)).build();
        assertThat(VALIDATOR.violations(confirmed)).isEmpty();
        StatementConfirmationRecorded unissued = StatementConfirmationRecorded.newBuilder(refusal).setRevision(0)
                .setStatementDigest(null).setReason("statement STATEMENT-530600-2020-06 has not been issued").build();
        assertThat(VALIDATOR.violations(unissued)).isEmpty();

        StatementConfirmationRecorded bad = StatementConfirmationRecorded.newBuilder(confirmed)
                .setEventId("not-a-uuid").setStatementId("STATEMENT-530600-2020-13")
                .setConfirmingAgency(new Agency(AgencyType.UNKNOWN, "530600")).setReason("")
                .setStatementDigest("e".repeat(64)).setDecidedAt(NOW.plus(Duration.ofDays(1))).build();
        assertThat(VALIDATOR.violations(bad)).containsExactly(
                "eventId: must be a lower-case UUID",
                "statementId: must be like STATEMENT-530600-2020-06 (a month) or STATEMENT-530600-2020-Q3 (a quarter)",
                "confirmingAgency.type: unknown agency type",
                "reason: only a refusal has one",
                "reason: must not be blank",
                "confirmedDigest: a confirmation counts only for the digest of the revision it confirms",
                "decidedAt: " + new TimeBounds(Clock.fixed(NOW, ZoneOffset.UTC), TimeBounds.DEFAULT_CLOCK_SKEW)
                        .factTimeProblem(NOW.plus(Duration.ofDays(1))).orElseThrow());
        assertThat(VALIDATOR.violations(StatementConfirmationRecorded.newBuilder(refusal).setReason(null)
                .setOutcome(ConfirmationOutcome.UNKNOWN).setRevision(0).build())).containsExactly(
                "outcome: unknown outcome",
                "statementDigest: only an issued revision has one");
    }
}
