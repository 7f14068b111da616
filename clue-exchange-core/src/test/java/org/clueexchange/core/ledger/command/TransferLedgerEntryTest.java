package org.clueexchange.core.ledger.command;

import static org.clueexchange.core.ledger.command.LedgerEntrySamples.CLUE_CONTENT;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.DISCIPLINE;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.NOON;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.OTHER_DISCIPLINE;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.OUTCOMES;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.POLICE;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.assertion;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.fixture;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.receipt;
import static org.clueexchange.core.ledger.command.LedgerEntrySamples.receiptOutside;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyIterable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.clueexchange.core.ledger.AnomalyKind;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.SlaDeadline;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.core.ledger.messages.ClueAcceptanceRecorded;
import org.clueexchange.core.ledger.messages.ClueReturnRecorded;
import org.clueexchange.core.ledger.messages.ClueTransferRecorded;
import org.clueexchange.core.ledger.messages.ConclusionRecorded;
import org.clueexchange.core.ledger.messages.DisposalRecorded;
import org.clueexchange.core.ledger.messages.FactRecorded;
import org.clueexchange.core.ledger.messages.FeedbackAcknowledgementRecorded;
import org.clueexchange.core.ledger.messages.FeedbackRecorded;
import org.clueexchange.core.ledger.messages.LedgerAnomalyRecorded;
import org.clueexchange.core.ledger.messages.RecordFact;
import org.clueexchange.core.ledger.messages.SlaBreached;
import org.clueexchange.core.ledger.messages.SlaClockStarted;
import org.clueexchange.core.ledger.messages.SlaClockStopped;
import org.clueexchange.core.ledger.messages.SupervisionRecorded;
import org.clueexchange.core.ledger.messages.TransferredClue;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.Priority;
import org.clueexchange.events.ReturnReason;
import org.clueexchange.events.SupervisionKind;
import org.clueexchange.wire.SenderCaseNumbers;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

class TransferLedgerEntryTest {

    private static final String CLUE = "POLICE-530600-XS001";
    private static final Instant MIDNIGHT = Instant.parse("2020-06-10T16:00:00Z");


    @Test
    void aTransferOpensTheEntryAndStartsThePickUpAndSameDayClocks() {
        Assertion transfer = assertion(POLICE, NOON);

        fixture().givenCurrentTime(NOON)
                .when(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .expectEvents(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT),
                        new SlaClockStarted(CLUE, SlaClock.PICK_UP, transfer.eventId(), NOON.plus(Duration.ofHours(24))),
                        new SlaClockStarted(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, transfer.eventId(), MIDNIGHT))
                .expectScheduledDeadline(Duration.ofHours(24), new SlaDeadline(SlaClock.PICK_UP,
                        NOON.plus(Duration.ofHours(24))))
                .expectScheduledDeadline(Duration.between(NOON, MIDNIGHT), new SlaDeadline(
                        SlaClock.SAME_DAY_ACCEPTANCE, MIDNIGHT));
    }

    @Test
    void theReceiptStopsThePickUpClockAndTheAcceptanceStartsDisposalAndFeedbackClocks() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion receipt = assertion(DISCIPLINE, NOON.plusSeconds(600));
        Assertion acceptance = assertion(DISCIPLINE, NOON.plusSeconds(1200));

        fixture().givenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .when(record(receipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest())))
                .expectEvents(receipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()),
                        new SlaClockStopped(CLUE, SlaClock.PICK_UP, receipt.eventId(), receipt.occurredAt(), false));
        fixture().givenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)),
                        record(receipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest())))
                .when(record(new ClueAcceptanceRecorded(CLUE, acceptance, "ZTJW-2020-001")))
                .expectEvents(new ClueAcceptanceRecorded(CLUE, acceptance, "ZTJW-2020-001"),
                        new SlaClockStopped(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, acceptance.eventId(),
                                acceptance.occurredAt(), false),
                        new SlaClockStarted(CLUE, SlaClock.DISPOSAL, acceptance.eventId(),
                                acceptance.occurredAt().plus(Duration.ofHours(2))),
                        new SlaClockStarted(CLUE, SlaClock.FEEDBACK, acceptance.eventId(),
                                acceptance.occurredAt().plus(Duration.ofDays(30))));
    }

    @Test
    void aReceiptBeforeItsTransferIsRecordedAndStopsTheClockTheTransferStarts() {
        Assertion receipt = assertion(DISCIPLINE, NOON.plusSeconds(600));
        Assertion transfer = assertion(POLICE, NOON);

        fixture().givenNoPriorActivity()
                .when(record(receipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest())))
                .expectEvents(receipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()));
        fixture().givenCommands(record(receipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest())))
                .when(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .expectEvents(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT),
                        new SlaClockStarted(CLUE, SlaClock.PICK_UP, transfer.eventId(), NOON.plus(Duration.ofHours(24))),
                        new SlaClockStopped(CLUE, SlaClock.PICK_UP, receipt.eventId(), receipt.occurredAt(), false),
                        new SlaClockStarted(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, transfer.eventId(), MIDNIGHT));
    }

    @Test
    void aClueSignedForOnPaperIsMatchedByItsTransferLikeAnyReceiptThatOvertookIt() {
        Assertion receipt = assertion(DISCIPLINE, NOON.plusSeconds(600));
        Assertion transfer = assertion(POLICE, NOON);
        TransferredClue numbered = numbered("昭公（刑）立字〔2020〕123号");

        fixture().givenCommands(record(receiptOutside(CLUE, receipt, POLICE, "昭公(刑)立字〔2020〕 123号")))
                .when(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, numbered)))
                .expectEvents(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, numbered),
                        new SlaClockStarted(CLUE, SlaClock.PICK_UP, transfer.eventId(), NOON.plus(Duration.ofHours(24))),
                        new SlaClockStopped(CLUE, SlaClock.PICK_UP, receipt.eventId(), receipt.occurredAt(), false),
                        new SlaClockStarted(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, transfer.eventId(), MIDNIGHT));
    }

    @Test
    void aReceiptNamingACaseNumberTheTransferDoesNotNameIsAnAnomalyOfTheReceiptWhicheverArrivesFirst() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion receipt = assertion(DISCIPLINE, NOON.plusSeconds(600));
        TransferredClue numbered = numbered("昭公（刑）立字〔2020〕123号");
        LedgerAnomalyRecorded mismatch = new LedgerAnomalyRecorded(CLUE, receipt.eventId(), transfer.eventId(),
                AnomalyKind.SENDER_CASE_NUMBER_MISMATCH,
                "received naming case 昭公（刑）立字〔2020〕124号, but the transfer names 昭公（刑）立字〔2020〕123号");

        expectAnomalies(List.of(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, numbered))),
                record(receiptOutside(CLUE, receipt, POLICE, "昭公（刑）立字〔2020〕124号")), mismatch);
        expectAnomalies(List.of(record(receiptOutside(CLUE, receipt, POLICE, "昭公（刑）立字〔2020〕124号"))),
                record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, numbered)), mismatch);
        expectAnomalies(List.of(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT))),
                record(receiptOutside(CLUE, receipt, POLICE, "ZT-2020-017")),
                new LedgerAnomalyRecorded(CLUE, receipt.eventId(), transfer.eventId(),
                        AnomalyKind.SENDER_CASE_NUMBER_MISMATCH,
                        "received naming case ZT-2020-017, but the transfer names none"));
    }

    @Test
    void aCommissionsTransferNamesItsInquiryNumberForTheReceiptToMatchAndAReceiptNamingNoneMatchesAny() {
        Assertion transfer = assertion(DISCIPLINE, NOON);
        Assertion receipt = assertion(POLICE, NOON.plusSeconds(600));
        TransferredClue fromCommission = new TransferredClue(ClueSource.INSPECTION_TOUR,
                AllegationCategory.GANG_CRIME, Priority.URGENT, List.of(), null,
                SenderCaseNumbers.withInquiryNumber("巡察发现刘某团伙强揽工程", "昭纪（审）〔2020〕7号"), List.of(),
                List.of("刘某"), "d".repeat(64));

        expectAnomalies(List.of(record(new ClueTransferRecorded(CLUE, transfer, POLICE, fromCommission))),
                record(receiptOutside(CLUE, receipt, DISCIPLINE, "昭纪（审）〔2020〕7号")));
        expectAnomalies(List.of(record(new ClueTransferRecorded(CLUE, transfer, POLICE, fromCommission))),
                record(receipt(CLUE, receipt, DISCIPLINE, "d".repeat(64))));
    }

    @Test
    void aRedeliveredFactHasNoSecondEffect() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion receipt = assertion(DISCIPLINE, NOON.plusSeconds(600));

        fixture().givenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)),
                        record(receipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest())))
                .when(record(receipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest())))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture().givenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .when(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .expectNoEvents();
    }

    @Test
    void ofTwoTransfersTheLaterRepeatsTheEarlierWhicheverArrivesFirst() {
        Assertion first = assertion(POLICE, NOON);
        Assertion second = assertion(POLICE, NOON.plusSeconds(60));
        LedgerAnomalyRecorded repeated = new LedgerAnomalyRecorded(CLUE, second.eventId(), first.eventId(),
                AnomalyKind.REPEATED_TRANSFER, "transferred again at " + second.occurredAt()
                + " (first transferred at " + NOON + ")");

        expectAnomalies(List.of(record(new ClueTransferRecorded(CLUE, first, DISCIPLINE, CLUE_CONTENT))),
                record(new ClueTransferRecorded(CLUE, second, DISCIPLINE, CLUE_CONTENT)), repeated);
        expectAnomalies(List.of(record(new ClueTransferRecorded(CLUE, second, DISCIPLINE, CLUE_CONTENT))),
                record(new ClueTransferRecorded(CLUE, first, DISCIPLINE, CLUE_CONTENT)), repeated);
    }

    @Test
    void aReceiverSideFactFromAnAgencyTheTransferDoesNotNameIsRefusedOnceTheTransferIsRecorded() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion stray = assertion(OTHER_DISCIPLINE, NOON.plusSeconds(600));

        fixture().givenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .when(record(receipt(CLUE, stray, POLICE, CLUE_CONTENT.contentDigest())))
                .expectException(FactRefusedException.class)
                .expectExceptionMessage("security: 签收 received asserted by DISCIPLINE@530700, but the transfer names "
                        + "DISCIPLINE@530600")
                .expectNoEvents();
        fixture().givenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .when(record(new ClueReturnRecorded(CLUE, stray, ReturnReason.NOT_OUR_JURISDICTION, "非本级管辖")))
                .expectException(FactRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void aReceiverSideFactThatOvertookItsTransferIsAnAnomalyOnceTheTransferComesAndStopsNoClock() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion stray = assertion(OTHER_DISCIPLINE, NOON.plusSeconds(600));
        RecordFact strayReceipt = record(receipt(CLUE, stray, POLICE, CLUE_CONTENT.contentDigest()));

        fixture().givenCommands(strayReceipt)
                .when(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .expectEvents(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT),
                        new LedgerAnomalyRecorded(CLUE, stray.eventId(), transfer.eventId(),
                                AnomalyKind.RECEIVER_MISMATCH,
                                "asserted by DISCIPLINE@530700, but the transfer names DISCIPLINE@530600"),
                        new SlaClockStarted(CLUE, SlaClock.PICK_UP, transfer.eventId(), NOON.plus(Duration.ofHours(24))),
                        new SlaClockStarted(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, transfer.eventId(), MIDNIGHT));
        fixture().givenCurrentTime(NOON)
                .andGivenCommands(strayReceipt,
                        record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .whenTimeAdvancesTo(NOON.plus(Duration.ofHours(24)))
                .expectEvents(new SlaBreached(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, MIDNIGHT),
                        new SlaBreached(CLUE, SlaClock.PICK_UP, NOON.plus(Duration.ofHours(24))));
        fixture().givenCommands(strayReceipt, record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .when(strayReceipt)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAcceptanceOfAnAgencyTheTransferDoesNotNameStartsNoClockBeforeTheTransferOrAfter() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion stray = assertion(OTHER_DISCIPLINE, NOON.plusSeconds(600));
        Assertion acceptance = assertion(DISCIPLINE, NOON.plusSeconds(1200));

        fixture().givenNoPriorActivity()
                .when(record(new ClueAcceptanceRecorded(CLUE, stray, "YXJW-1")))
                .expectEvents(new ClueAcceptanceRecorded(CLUE, stray, "YXJW-1"));
        fixture().givenCommands(record(new ClueAcceptanceRecorded(CLUE, stray, "YXJW-1")),
                        record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .when(record(new ClueAcceptanceRecorded(CLUE, acceptance, "ZTJW-1")))
                .expectEventsMatching(payloads(SlaClockStarted.class, contains(
                        new SlaClockStarted(CLUE, SlaClock.DISPOSAL, acceptance.eventId(),
                                acceptance.occurredAt().plus(Duration.ofHours(2))),
                        new SlaClockStarted(CLUE, SlaClock.FEEDBACK, acceptance.eventId(),
                                acceptance.occurredAt().plus(Duration.ofDays(30))))));
    }

    @Test
    void anAcknowledgementFromAnAgencyThatDidNotTransferIsRefusedOrOnceTheTransferComesAnAnomaly() {
        Assertion transfer = assertion(POLICE, NOON);
        AgencyId otherPolice = new AgencyId(AgencyType.POLICE, "530700");
        Assertion acknowledgement = assertion(otherPolice, NOON.plusSeconds(600));
        RecordFact acknowledged = record(new FeedbackAcknowledgementRecorded(CLUE, acknowledgement,
                UUID.randomUUID().toString()));

        fixture().givenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .when(acknowledged)
                .expectException(FactRefusedException.class)
                .expectExceptionMessage("security: 反馈确认 feedback acknowledged asserted by POLICE@530700, but "
                        + "POLICE@530600 transferred the clue")
                .expectNoEvents();
        expectAnomalies(List.of(acknowledged),
                record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)),
                new LedgerAnomalyRecorded(CLUE, acknowledgement.eventId(), transfer.eventId(),
                        AnomalyKind.SENDER_MISMATCH,
                        "asserted by POLICE@530700, but POLICE@530600 transferred the clue"));
    }

    @Test
    void aLevelAboveEitherSideMayOrderSupervision() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion supervision = assertion(new AgencyId(AgencyType.DISCIPLINE, "530000"), NOON.plusSeconds(600));

        fixture().givenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .when(record(new SupervisionRecorded(CLUE, supervision, SupervisionKind.SUPERVISION, null, null,
                        "限期办结")))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloads(SupervisionRecorded.class, contains(new SupervisionRecorded(CLUE,
                        supervision, SupervisionKind.SUPERVISION, null, null, "限期办结"))));
    }

    @Test
    void aFactDatedBeforeAFactItPresupposesIsAnAnomalyWhicheverArrivesFirst() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion receipt = assertion(DISCIPLINE, NOON.minusSeconds(3600));
        LedgerAnomalyRecorded early = new LedgerAnomalyRecorded(CLUE, receipt.eventId(), transfer.eventId(),
                AnomalyKind.OUT_OF_SEQUENCE, "received at " + receipt.occurredAt() + ", before transferred at " + NOON);

        expectAnomalies(List.of(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT))),
                record(receipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest())), early);
        expectAnomalies(List.of(record(receipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()))),
                record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)), early);
    }

    @Test
    void feedbackDatedBeforeTheConclusionIsOutOfSequence() {
        Assertion conclusion = assertion(DISCIPLINE, NOON.plusSeconds(7200));
        Assertion feedback = assertion(DISCIPLINE, NOON.plusSeconds(3600));

        expectAnomalies(List.of(record(new ConclusionRecorded(CLUE, conclusion, OUTCOMES, "查实"))),
                record(new FeedbackRecorded(CLUE, feedback, OUTCOMES, "已查实")),
                new LedgerAnomalyRecorded(CLUE, feedback.eventId(), conclusion.eventId(), AnomalyKind.OUT_OF_SEQUENCE,
                        "feedback sent at " + feedback.occurredAt() + ", before concluded at "
                                + conclusion.occurredAt()));
    }

    @Test
    void aClueBothAcceptedAndReturnedIsAnAnomalyOnTheLaterOfTheTwo() {
        Assertion acceptance = assertion(DISCIPLINE, NOON);
        Assertion returned = assertion(DISCIPLINE, NOON.plusSeconds(60));

        expectAnomalies(List.of(record(new ClueReturnRecorded(CLUE, returned, ReturnReason.NOT_OUR_JURISDICTION,
                        "非本级管辖"))),
                record(new ClueAcceptanceRecorded(CLUE, acceptance, "ZTJW-1")),
                new LedgerAnomalyRecorded(CLUE, returned.eventId(), acceptance.eventId(),
                        AnomalyKind.ACCEPTED_AND_RETURNED, "returned at " + returned.occurredAt()
                        + ", though accepted at " + acceptance.occurredAt()));
    }

    @Test
    void aTimeLimitIsBreachedExactlyWhenItFallsDueUnfulfilled() {
        Assertion transfer = assertion(POLICE, NOON);
        Instant pickUpDue = NOON.plus(Duration.ofHours(24));

        fixture().givenCurrentTime(NOON)
                .andGivenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .whenTimeAdvancesTo(MIDNIGHT.minusMillis(1))
                .expectNoEvents();
        fixture().givenCurrentTime(NOON)
                .andGivenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .whenTimeAdvancesTo(MIDNIGHT)
                .expectEvents(new SlaBreached(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, MIDNIGHT));
        fixture().givenCurrentTime(NOON)
                .andGivenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)),
                        record(receipt(CLUE, assertion(DISCIPLINE, NOON.plusSeconds(60)), POLICE,
                                "r".repeat(64))))
                .whenTimeAdvancesTo(pickUpDue)
                .expectEvents(new SlaBreached(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, MIDNIGHT));
    }

    @Test
    void aFactFulfillingALimitLateStopsItLateAndAFactThatOccurredInTimeButArrivedLateStopsItInTime() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion lateAcceptance = assertion(DISCIPLINE, MIDNIGHT.plusSeconds(60));
        Assertion timelyAcceptance = assertion(DISCIPLINE, MIDNIGHT.minusSeconds(60));
        SlaBreached breached = new SlaBreached(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, MIDNIGHT);

        fixture().given(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT),
                        new SlaClockStarted(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, transfer.eventId(), MIDNIGHT), breached)
                .when(record(new ClueAcceptanceRecorded(CLUE, lateAcceptance, "ZTJW-1")))
                .expectEventsMatching(payloads(SlaClockStopped.class, contains(new SlaClockStopped(CLUE,
                        SlaClock.SAME_DAY_ACCEPTANCE, lateAcceptance.eventId(), lateAcceptance.occurredAt(), true))));
        fixture().given(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT),
                        new SlaClockStarted(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, transfer.eventId(), MIDNIGHT), breached)
                .when(record(new ClueAcceptanceRecorded(CLUE, timelyAcceptance, "ZTJW-1")))
                .expectEventsMatching(payloads(SlaClockStopped.class, contains(new SlaClockStopped(CLUE,
                        SlaClock.SAME_DAY_ACCEPTANCE, timelyAcceptance.eventId(), timelyAcceptance.occurredAt(),
                        false))));
    }

    @Test
    void anAcceptanceDatedBackAfterTheBreachMeetsTheLimitButIsAnAnomalyAndALateAssertion() {
        Assertion transfer = assertion(POLICE, NOON);
        Instant occurred = MIDNIGHT.minusSeconds(60);
        Assertion backdated = new Assertion(UUID.randomUUID().toString(), DISCIPLINE, "officer-1", occurred,
                occurred.plus(Duration.ofDays(2)));
        SlaBreached breached = new SlaBreached(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, MIDNIGHT);

        fixture().given(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT),
                        new SlaClockStarted(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, transfer.eventId(), MIDNIGHT), breached)
                .when(record(new ClueAcceptanceRecorded(CLUE, backdated, "ZTJW-1")))
                .expectEventsMatching(payloads(LedgerAnomalyRecorded.class, contains(
                        new LedgerAnomalyRecorded(CLUE, backdated.eventId(), backdated.eventId(),
                                AnomalyKind.LATE_ASSERTION, "accepted at 2020-06-10T15:59:00Z, asserted only at "
                                + "2020-06-12T15:59:00Z"),
                        new LedgerAnomalyRecorded(CLUE, backdated.eventId(), transfer.eventId(),
                                AnomalyKind.FULFILLED_AFTER_BREACH, "当天受理 due at 2020-06-10T16:00:00Z: accepted at "
                                + "2020-06-10T15:59:00Z, asserted only at 2020-06-12T15:59:00Z"))));
    }

    @Test
    void aFulfilmentAssertedBeforeTheLimitFellDueOrATransferAssertedLateByMinutesIsNoAnomaly() {
        Assertion transfer = new Assertion(UUID.randomUUID().toString(), POLICE, "officer-1", NOON,
                NOON.plus(Duration.ofHours(23)));
        Assertion acceptance = assertion(DISCIPLINE, MIDNIGHT.minusSeconds(60));

        fixture().givenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .when(record(new ClueAcceptanceRecorded(CLUE, acceptance, "ZTJW-1")))
                .expectEventsMatching(payloads(LedgerAnomalyRecorded.class, emptyIterable()));
    }

    @Test
    void anEarlierTransferArrivingLaterMovesTheClocksAndADeadlineOfTheOldDueTimeHasNoEffect() {
        Assertion later = assertion(POLICE, NOON.plus(Duration.ofDays(1)));
        Assertion earlier = assertion(POLICE, NOON);

        fixture().givenCommands(record(new ClueTransferRecorded(CLUE, later, DISCIPLINE, CLUE_CONTENT)))
                .when(record(new ClueTransferRecorded(CLUE, earlier, DISCIPLINE, CLUE_CONTENT)))
                .expectEventsMatching(payloads(SlaClockStarted.class, contains(
                        new SlaClockStarted(CLUE, SlaClock.PICK_UP, earlier.eventId(), NOON.plus(Duration.ofHours(24))),
                        new SlaClockStarted(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, earlier.eventId(), MIDNIGHT))));
        fixture().givenCurrentTime(NOON)
                .andGivenCommands(record(new ClueTransferRecorded(CLUE, later, DISCIPLINE, CLUE_CONTENT)),
                        record(new ClueTransferRecorded(CLUE, earlier, DISCIPLINE, CLUE_CONTENT)))
                .whenTimeAdvancesTo(NOON.plus(Duration.ofDays(3)))
                .expectEvents(new SlaBreached(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, MIDNIGHT),
                        new SlaBreached(CLUE, SlaClock.PICK_UP, NOON.plus(Duration.ofHours(24))));
    }

    @Test
    void aReturnStopsEveryClockAndTheLifecycleReachesItsEnd() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion returned = assertion(DISCIPLINE, NOON.plusSeconds(60));

        fixture().givenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)))
                .when(record(new ClueReturnRecorded(CLUE, returned, ReturnReason.MATERIAL_INCOMPLETE, "材料不全")))
                .expectEvents(new ClueReturnRecorded(CLUE, returned, ReturnReason.MATERIAL_INCOMPLETE, "材料不全"),
                        new SlaClockStopped(CLUE, SlaClock.PICK_UP, returned.eventId(), returned.occurredAt(), false),
                        new SlaClockStopped(CLUE, SlaClock.SAME_DAY_ACCEPTANCE, returned.eventId(),
                                returned.occurredAt(), false));
        Assertion acceptance = assertion(DISCIPLINE, NOON.plusSeconds(600));
        Assertion disposal = assertion(DISCIPLINE, NOON.plusSeconds(3600));
        fixture().givenCommands(record(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT)),
                        record(new ClueAcceptanceRecorded(CLUE, acceptance, "ZTJW-1")))
                .when(record(new DisposalRecorded(CLUE, disposal, DisposalMethod.PRELIMINARY_VERIFICATION, null)))
                .expectEventsMatching(payloads(SlaClockStopped.class, contains(new SlaClockStopped(CLUE,
                        SlaClock.DISPOSAL, disposal.eventId(), disposal.occurredAt(), false))));
    }

    /** The police's clue, found in the gang case of this number. */
    private static TransferredClue numbered(String caseNumber) {
        return new TransferredClue(CLUE_CONTENT.source(), CLUE_CONTENT.allegation(), CLUE_CONTENT.priority(),
                CLUE_CONTENT.subjects(), new TransferredClue.GangCase(caseNumber, GangCaseType.MAFIA_TYPE_ORGANISATION),
                CLUE_CONTENT.summary(), CLUE_CONTENT.attachments(), CLUE_CONTENT.suspects(),
                CLUE_CONTENT.contentDigest());
    }

    private static RecordFact record(FactRecorded fact) {
        return new RecordFact(fact);
    }

    /** Recording {@code fact} after {@code given} yields exactly these anomalies. */
    private void expectAnomalies(List<Object> given, Object fact, LedgerAnomalyRecorded... anomalies) {
        fixture().givenCommands(given)
                .when(fact)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloads(LedgerAnomalyRecorded.class,
                        anomalies.length == 0 ? emptyIterable() : contains(anomalies)));
    }

    /** The published events' payloads of one type, matched as a list. */
    private static <T> Matcher<List<EventMessage<?>>> payloads(Class<T> type, Matcher<? super List<T>> matcher) {
        return new FeatureMatcher<List<EventMessage<?>>, List<T>>(matcher, type.getSimpleName() + " payloads",
                "payloads") {
            @Override
            protected List<T> featureValueOf(List<EventMessage<?>> events) {
                return events.stream().map(EventMessage::getPayload).filter(type::isInstance).map(type::cast).toList();
            }
        };
    }

}
