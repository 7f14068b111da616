package org.clueexchange.core.reconciliation.monthly.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clueexchange.core.ledger.AnomalyKind;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.FactSide;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.query.LedgerRow;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.statement.AgingBucket;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.ReceiptChannel;
import org.junit.jupiter.api.Test;

/** Each break judged on one clue as of the end of June 2020 in UTC+8. */
class StatementBreaksTest {

    private static final Instant END = StatementPeriod.of("530600", "2020-06").end();
    private static final String DIGEST = "d".repeat(64);

    @Test
    void aTransferNobodySignedForWaitsOnTheReceiver() {
        LedgerRow clue = clue(day(10), null, null).build();

        assertThat(StatementBreaks.of(clue, END)).singleElement().satisfies(found -> {
            assertThat(found.category()).isEqualTo(BreakCategory.SENT_NOT_RECEIVED);
            assertThat(found.sideToAct()).isEqualTo(SideToAct.RECEIVER);
            assertThat(found.since()).isEqualTo(day(10));
            assertThat(found.ageDays()).isEqualTo(20);
            assertThat(found.aging()).isEqualTo(AgingBucket.UP_TO_30_DAYS);
        });
    }

    @Test
    void aReceiptWithoutTransferWaitsOnTheSender() {
        LedgerRow clue = clue(null, day(29), null).build();

        assertThat(StatementBreaks.of(clue, END)).extracting(StatementLine.Break::category, StatementLine.Break::sideToAct,
                StatementLine.Break::ageDays).containsExactly(tuple(
                BreakCategory.RECEIVED_WITHOUT_TRANSFER, SideToAct.SENDER, 1L));
    }

    @Test
    void aReceiptOnPaperWithoutTransferSaysSoAndNamesTheSendersCaseNumber() {
        LedgerRow clue = clue(null, day(29), null).receivedOutside("昭公（刑）立字〔2020〕123号").build();

        assertThat(StatementBreaks.of(clue, END)).extracting(StatementLine.Break::category,
                StatementLine.Break::sideToAct, StatementLine.Break::detail).containsExactly(tuple(
                BreakCategory.RECEIVED_WITHOUT_TRANSFER, SideToAct.SENDER, "纸质移送，移送方案号 昭公（刑）立字〔2020〕123号"));
    }

    @Test
    void aReceiptOnPaperHoldingNoDigestDiffersFromNoTransfersContent() {
        LedgerRow clue = clue(day(28), day(29), null).receivedOutside("ZT-2020-017").accepted(day(29)).build();

        assertThat(StatementBreaks.of(clue, END)).isEmpty();
    }

    @Test
    void factsAfterThePeriodDoNotCount() {
        LedgerRow clue = clue(day(10), Instant.parse("2020-07-01T01:00:00Z"), null).build();

        assertThat(StatementBreaks.of(clue, END)).extracting(StatementLine.Break::category)
                .containsExactly(BreakCategory.SENT_NOT_RECEIVED);
        assertThat(clue.stateAt(END)).isEqualTo(LedgerState.TRANSFERRED);
    }

    @Test
    void differingDigestsAreForBothToExplain() {
        LedgerRow clue = clue(day(1), day(2), "e".repeat(64)).build();

        assertThat(StatementBreaks.of(clue, END)).extracting(StatementLine.Break::category, StatementLine.Break::sideToAct)
                .containsExactly(tuple(BreakCategory.CONTENT_DIGEST_DIFFERS, SideToAct.BOTH));
    }

    @Test
    void anAcceptanceAfterTheSameDayLimitIsLate() {
        Instant limit = Instant.parse("2020-06-02T16:00:00Z");
        LedgerRow clue = clue(day(2), day(2), null).accepted(day(4)).due(SlaClock.SAME_DAY_ACCEPTANCE, limit)
                .build();

        assertThat(StatementBreaks.of(clue, END)).extracting(StatementLine.Break::category, StatementLine.Break::since)
                .containsExactly(tuple(BreakCategory.ACCEPTED_AFTER_SAME_DAY, limit));
    }

    @Test
    void aSequenceAnomalyIsActedOnByTheSideThatAssertedTheFact() {
        LedgerRow clue = clue(day(5), day(3), null).anomaly(new LedgerRow.Anomaly(AnomalyKind.OUT_OF_SEQUENCE,
                "received before transferred", FactKind.RECEIVED, FactSide.RECEIVER, day(3), day(5))).build();

        assertThat(StatementBreaks.of(clue, END)).extracting(StatementLine.Break::category,
                StatementLine.Break::sideToAct, StatementLine.Break::detail).containsExactly(
                tuple(BreakCategory.SEQUENCE_ANOMALY, SideToAct.RECEIVER,
                        "时序倒置: received before transferred"));
    }

    @Test
    void aClueConcludedWithoutEverBeingAcceptedIsASequenceBreakOnTheReceiver() {
        Instant limit = Instant.parse("2020-06-02T16:00:00Z");
        LedgerRow clue = clue(day(2), day(2), null).concluded(day(3)).feedback(day(4)).acknowledged(day(5))
                .due(SlaClock.SAME_DAY_ACCEPTANCE, limit).build();

        assertThat(StatementBreaks.of(clue, END)).extracting(StatementLine.Break::category,
                StatementLine.Break::sideToAct, StatementLine.Break::since, StatementLine.Break::detail)
                .contains(tuple(BreakCategory.SEQUENCE_ANOMALY, SideToAct.RECEIVER, day(3),
                        "缺少前序事实: 办结 concluded at " + day(3) + ", without 受理 accepted"));
    }

    @Test
    void feedbackWithoutAConclusionIsASequenceBreakFromWhenItWasSent() {
        LedgerRow clue = clue(day(2), day(2), null).accepted(day(2)).feedback(day(20)).build();

        assertThat(StatementBreaks.of(clue, END)).filteredOn(found -> found.category()
                        == BreakCategory.SEQUENCE_ANOMALY).extracting(StatementLine.Break::since,
                StatementLine.Break::ageDays).containsExactly(tuple(day(20), 10L));
    }

    @Test
    void aPrerequisiteMerelyLateWithinItsLimitIsNoBreakYet() {
        Instant limit = Instant.parse("2020-06-30T16:00:00Z");
        LedgerRow clue = clue(Instant.parse("2020-06-30T03:00:00Z"), Instant.parse("2020-06-30T03:00:00Z"), null)
                .concluded(Instant.parse("2020-06-30T05:00:00Z")).due(SlaClock.SAME_DAY_ACCEPTANCE, limit).build();

        assertThat(StatementBreaks.of(clue, END)).extracting(StatementLine.Break::category)
                .doesNotContain(BreakCategory.SEQUENCE_ANOMALY);
        assertThat(StatementBreaks.of(clue, limit.plusSeconds(1))).extracting(StatementLine.Break::category,
                StatementLine.Break::since).contains(tuple(BreakCategory.SEQUENCE_ANOMALY, limit));
    }

    @Test
    void aPrerequisiteThatOccurredAfterThePeriodWasMissingAtItsEnd() {
        LedgerRow clue = clue(day(2), day(2), null).accepted(day(2)).concluded(day(20))
                .feedback(Instant.parse("2020-07-03T02:00:00Z")).acknowledged(day(25)).build();

        assertThat(StatementBreaks.of(clue, END)).extracting(StatementLine.Break::category,
                StatementLine.Break::sideToAct, StatementLine.Break::since).contains(
                tuple(BreakCategory.SEQUENCE_ANOMALY, SideToAct.RECEIVER, day(25)));
    }

    @Test
    void aClosedLoopHasNoBreaks() {
        LedgerRow clue = clue(day(1), day(1), null).accepted(day(1)).concluded(day(5)).feedback(day(6))
                .acknowledged(day(7)).build();

        assertThat(StatementBreaks.of(clue, END)).isEmpty();
        assertThat(clue.stateAt(END)).isEqualTo(LedgerState.CLOSED);
    }

    private static Instant day(int dayOfJune) {
        return Instant.parse("2020-06-%02dT02:00:00Z".formatted(dayOfJune));
    }

    private static Builder clue(Instant transferredAt, Instant receivedAt, String receiverDigest) {
        return new Builder(transferredAt, receivedAt, receivedAt == null ? null
                : receiverDigest == null ? DIGEST : receiverDigest);
    }

    private static final class Builder {
        private final Instant transferredAt;
        private final Instant receivedAt;
        private String receiverDigest;
        private ReceiptChannel receiptChannel;
        private String receiptSenderCaseNumber;
        private Instant acceptedAt;
        private Instant concludedAt;
        private Instant feedbackAt;
        private Instant acknowledgedAt;
        private final Map<SlaClock, Instant> dues = new EnumMap<>(SlaClock.class);
        private final List<LedgerRow.Anomaly> anomalies = new ArrayList<>();

        Builder(Instant transferredAt, Instant receivedAt, String receiverDigest) {
            this.transferredAt = transferredAt;
            this.receivedAt = receivedAt;
            this.receiverDigest = receiverDigest;
            this.receiptChannel = receivedAt == null ? null : ReceiptChannel.EXCHANGE;
        }

        /** Signed for on paper, naming the sender's case number, with no digest of the content. */
        Builder receivedOutside(String senderCaseNumber) {
            receiptChannel = ReceiptChannel.OUTSIDE;
            receiptSenderCaseNumber = senderCaseNumber;
            receiverDigest = null;
            return this;
        }

        Builder accepted(Instant at) {
            acceptedAt = at;
            return this;
        }

        Builder concluded(Instant at) {
            concludedAt = at;
            return this;
        }

        Builder feedback(Instant at) {
            feedbackAt = at;
            return this;
        }

        Builder acknowledged(Instant at) {
            acknowledgedAt = at;
            return this;
        }

        Builder due(SlaClock clock, Instant at) {
            dues.put(clock, at);
            return this;
        }

        Builder anomaly(LedgerRow.Anomaly anomaly) {
            anomalies.add(anomaly);
            return this;
        }

        LedgerRow build() {
            return new LedgerRow("POLICE-530600-T1", Direction.POLICE_TO_DISCIPLINE,
                    new AgencyId(AgencyType.POLICE, "530600"), new AgencyId(AgencyType.DISCIPLINE, "530600"),
                    transferredAt, transferredAt == null ? null : DIGEST, ClueSource.OWN_DISCOVERY, receivedAt,
                    receiptChannel, receiptSenderCaseNumber, receiverDigest, acceptedAt, null, null, null, null, null, null, concludedAt, feedbackAt,
                    acknowledgedAt, true, dues, anomalies);
        }
    }
}
