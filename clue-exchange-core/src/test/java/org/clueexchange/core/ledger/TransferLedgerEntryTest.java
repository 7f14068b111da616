package org.clueexchange.core.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Priority;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransferLedgerEntryTest {

    private static final String CLUE = "POLICE-530600-XS001";
    private static final AgencyId POLICE = new AgencyId(AgencyType.POLICE, "530600");
    private static final AgencyId DISCIPLINE = new AgencyId(AgencyType.DISCIPLINE, "530600");
    private static final AgencyId OTHER_DISCIPLINE = new AgencyId(AgencyType.DISCIPLINE, "530700");
    private static final Instant NOON = Instant.parse("2020-06-10T04:00:00Z");
    private static final TransferredClue CLUE_CONTENT = new TransferredClue(ClueSource.OWN_DISCOVERY,
            AllegationCategory.PROTECTIVE_UMBRELLA, Priority.NORMAL,
            List.of(new TransferredClue.Subject("张某", "某县公安局", OfficialRank.TOWNSHIP_SECTION, "保护伞")), null,
            "为涉黑组织通风报信", List.of(), "d".repeat(64));

    private AggregateTestFixture<TransferLedgerEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TransferLedgerEntry.class);
    }

    @Test
    void aTransferOpensTheEntry() {
        Assertion transfer = assertion(POLICE, NOON);

        fixture.givenNoPriorActivity()
                .when(new RecordTransfer(CLUE, transfer, DISCIPLINE, CLUE_CONTENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT));
    }

    @Test
    void theReceiverAcknowledgesAndAccepts() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion receipt = assertion(DISCIPLINE, NOON.plusSeconds(600));
        Assertion acceptance = assertion(DISCIPLINE, NOON.plusSeconds(1200));

        fixture.given(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT),
                        new ClueReceiptRecorded(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()))
                .when(new RecordAcceptance(CLUE, acceptance, "ZTJW-2020-001"))
                .expectEvents(new ClueAcceptanceRecorded(CLUE, acceptance, "ZTJW-2020-001"));
    }

    @Test
    void aReceiptBeforeItsTransferIsRecordedNotRejected() {
        Assertion receipt = assertion(DISCIPLINE, NOON.plusSeconds(600));

        fixture.givenNoPriorActivity()
                .when(new RecordReceipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClueReceiptRecorded(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()));
    }

    @Test
    void theTransferArrivingAfterItsReceiptCompletesTheEntryWithoutAnomaly() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion receipt = assertion(DISCIPLINE, NOON.plusSeconds(600));

        fixture.given(new ClueReceiptRecorded(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()))
                .when(new RecordTransfer(CLUE, transfer, DISCIPLINE, CLUE_CONTENT))
                .expectEvents(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT));
    }

    @Test
    void aRedeliveredFactHasNoSecondEffect() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion receipt = assertion(DISCIPLINE, NOON.plusSeconds(600));

        fixture.given(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT),
                        new ClueReceiptRecorded(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()))
                .when(new RecordReceipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT))
                .when(new RecordTransfer(CLUE, transfer, DISCIPLINE, CLUE_CONTENT))
                .expectNoEvents();
    }

    @Test
    void ofTwoTransfersTheLaterRepeatsTheEarlierWhicheverArrivesFirst() {
        Assertion first = assertion(POLICE, NOON);
        Assertion second = assertion(POLICE, NOON.plusSeconds(60));
        LedgerAnomalyRecorded repeated = new LedgerAnomalyRecorded(CLUE, second.eventId(), first.eventId(),
                AnomalyKind.REPEATED_TRANSFER, "transferred again at " + second.occurredAt()
                + " (first transferred at " + NOON + ")");

        fixture.given(new ClueTransferRecorded(CLUE, first, DISCIPLINE, CLUE_CONTENT))
                .when(new RecordTransfer(CLUE, second, DISCIPLINE, CLUE_CONTENT))
                .expectEvents(new ClueTransferRecorded(CLUE, second, DISCIPLINE, CLUE_CONTENT), repeated);
        fixture.given(new ClueTransferRecorded(CLUE, second, DISCIPLINE, CLUE_CONTENT))
                .when(new RecordTransfer(CLUE, first, DISCIPLINE, CLUE_CONTENT))
                .expectEvents(new ClueTransferRecorded(CLUE, first, DISCIPLINE, CLUE_CONTENT), repeated);
    }

    @Test
    void aReceiptFromAnAgencyTheTransferDoesNotNameIsAnAnomalyWhicheverArrivesFirst() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion receipt = assertion(OTHER_DISCIPLINE, NOON.plusSeconds(600));
        LedgerAnomalyRecorded mismatch = new LedgerAnomalyRecorded(CLUE, receipt.eventId(), transfer.eventId(),
                AnomalyKind.RECEIVER_MISMATCH,
                "asserted by DISCIPLINE@530700, but the transfer names DISCIPLINE@530600");

        fixture.given(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT))
                .when(new RecordReceipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()))
                .expectEvents(new ClueReceiptRecorded(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()), mismatch);
        fixture.given(new ClueReceiptRecorded(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()))
                .when(new RecordTransfer(CLUE, transfer, DISCIPLINE, CLUE_CONTENT))
                .expectEvents(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT), mismatch);
    }

    @Test
    void anAcceptanceFromAnAgencyTheTransferDoesNotNameIsAnAnomaly() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion acceptance = assertion(OTHER_DISCIPLINE, NOON.plusSeconds(600));

        fixture.given(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT))
                .when(new RecordAcceptance(CLUE, acceptance, "ZTJW-2020-001"))
                .expectEvents(new ClueAcceptanceRecorded(CLUE, acceptance, "ZTJW-2020-001"),
                        new LedgerAnomalyRecorded(CLUE, acceptance.eventId(), transfer.eventId(),
                                AnomalyKind.RECEIVER_MISMATCH,
                                "asserted by DISCIPLINE@530700, but the transfer names DISCIPLINE@530600"));
    }

    @Test
    void aReceiptDatedBeforeItsTransferIsAnAnomalyWhicheverArrivesFirst() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion receipt = assertion(DISCIPLINE, NOON.minusSeconds(3600));
        LedgerAnomalyRecorded early = new LedgerAnomalyRecorded(CLUE, receipt.eventId(), transfer.eventId(),
                AnomalyKind.RECEIVED_BEFORE_TRANSFERRED,
                "received at " + receipt.occurredAt() + ", transferred at " + NOON);

        fixture.given(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT))
                .when(new RecordReceipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()))
                .expectEvents(new ClueReceiptRecorded(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()), early);
        fixture.given(new ClueReceiptRecorded(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()))
                .when(new RecordTransfer(CLUE, transfer, DISCIPLINE, CLUE_CONTENT))
                .expectEvents(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT), early);
    }

    @Test
    void anAcceptanceDatedBeforeTheReceiptIsAnAnomalyWhicheverArrivesFirst() {
        Assertion receipt = assertion(DISCIPLINE, NOON.plusSeconds(600));
        Assertion acceptance = assertion(DISCIPLINE, NOON.plusSeconds(300));
        LedgerAnomalyRecorded early = new LedgerAnomalyRecorded(CLUE, acceptance.eventId(), receipt.eventId(),
                AnomalyKind.ACCEPTED_BEFORE_RECEIVED,
                "accepted at " + acceptance.occurredAt() + ", received at " + receipt.occurredAt());

        fixture.given(new ClueReceiptRecorded(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()))
                .when(new RecordAcceptance(CLUE, acceptance, "ZTJW-2020-001"))
                .expectEvents(new ClueAcceptanceRecorded(CLUE, acceptance, "ZTJW-2020-001"), early);
        fixture.given(new ClueAcceptanceRecorded(CLUE, acceptance, "ZTJW-2020-001"))
                .when(new RecordReceipt(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()))
                .expectEvents(new ClueReceiptRecorded(CLUE, receipt, POLICE, CLUE_CONTENT.contentDigest()), early);
    }

    @Test
    void anAcceptanceWithoutAReceiptIsNoAnomalyOfTheEntryTheReceiptMayStillCome() {
        Assertion transfer = assertion(POLICE, NOON);
        Assertion acceptance = assertion(DISCIPLINE, NOON.plusSeconds(600));

        fixture.given(new ClueTransferRecorded(CLUE, transfer, DISCIPLINE, CLUE_CONTENT))
                .when(new RecordAcceptance(CLUE, acceptance, "ZTJW-2020-001"))
                .expectEvents(new ClueAcceptanceRecorded(CLUE, acceptance, "ZTJW-2020-001"));
    }

    private static Assertion assertion(AgencyId agency, Instant occurredAt) {
        return new Assertion(UUID.randomUUID().toString(), agency, "officer-1", occurredAt, occurredAt.plusSeconds(5));
    }
}
