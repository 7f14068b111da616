package org.clueexchange.core.reconciliation.monthly.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.query.ReconciliationLedger.RecordedFact;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.events.AgencyType;
import org.clueexchange.wire.ExchangeTime;
import org.junit.jupiter.api.Test;

/**
 * Which statement carries a fact that reached the ledger after its month's confirmed statement was drawn up:
 * Zhaotong's statements for March, April and May 2020, drawn up on the 3rd of the next month (UTC+8) at ledger
 * positions 1,000, 2,000 and 3,000 and confirmed as drawn up then. When the agencies confirmed does not enter into it.
 */
class AmendmentsTest {

    private static final AgencyId POLICE = new AgencyId(AgencyType.POLICE, "530602");
    private static final Map<YearMonth, Long> CONFIRMED = Map.of(
            YearMonth.of(2020, 3), 1_000L,
            YearMonth.of(2020, 4), 2_000L,
            YearMonth.of(2020, 5), 3_000L);

    @Test
    void aFactForAMonthAlreadyConfirmedIsCarriedByTheFirstStatementThatDoesNotStandForIt() {
        RecordedFact afterMarchDrawnUp = fact("A", at(2020, 3, 20), 1_500);
        RecordedFact afterMayDrawnUp = fact("B", at(2020, 3, 20), 3_500);
        RecordedFact lateForMay = fact("C", at(2020, 5, 30), 3_200);
        List<RecordedFact> late = List.of(afterMarchDrawnUp, afterMayDrawnUp, lateForMay);

        assertThat(MonthlyStatementBuilder.carried(period(4), CONFIRMED, late))
                .extracting(Amendment::clueId, Amendment::confirmedStatementId, Amendment::ledgerPosition)
                .containsExactly(tuple("A", "STATEMENT-530600-2020-03", 1_500L));
        assertThat(MonthlyStatementBuilder.carried(period(5), CONFIRMED, late)).isEmpty();
        assertThat(MonthlyStatementBuilder.carried(period(6), CONFIRMED, late))
                .extracting(Amendment::clueId, Amendment::confirmedStatementId)
                .containsExactly(tuple("B", "STATEMENT-530600-2020-03"), tuple("C", "STATEMENT-530600-2020-05"));
    }

    /**
     * May's statement was drawn up on 3 June and confirmed by the police on the 5th and by the commission on the 9th;
     * a fact for May that reached the ledger on the 7th, between the two, is in neither the confirmed statement nor
     * any other unless June's carries it.
     */
    @Test
    void aFactThatArrivedBetweenTheIssueAndTheConfirmationsIsCarriedByTheNextStatement() {
        RecordedFact betweenTheConfirmations = new RecordedFact("D", FactKind.RECEIVED, POLICE, at(2020, 5, 28),
                at(2020, 6, 7), 3_001, true);

        assertThat(MonthlyStatementBuilder.carried(period(6), CONFIRMED, List.of(betweenTheConfirmations)))
                .extracting(Amendment::clueId, Amendment::fact, Amendment::ledgerPosition, Amendment::firstOfItsKind)
                .containsExactly(tuple("D", FactKind.RECEIVED, 3_001L, true));
    }

    @Test
    void aFactTheConfirmedStatementStoodForOrOfAMonthNeverConfirmedAmendsNothing() {
        RecordedFact inMaysSnapshot = fact("E", at(2020, 5, 30), 3_000);
        RecordedFact februaryUnconfirmed = fact("F", at(2020, 2, 20), 3_500);

        assertThat(MonthlyStatementBuilder.carried(period(6), CONFIRMED, List.of(inMaysSnapshot,
                februaryUnconfirmed))).isEmpty();
    }

    @Test
    void theLastMinuteOfAMonthInChinaStandardTimeBelongsToThatMonth() {
        // 23:59 on 31 May in UTC+8 is still 31 May, though it is 15:59 UTC.
        RecordedFact lastMinuteOfMay = fact("G", at(2020, 5, 31).plusSeconds(14 * 3600 + 59 * 60), 3_100);

        assertThat(MonthlyStatementBuilder.carried(period(6), CONFIRMED, List.of(lastMinuteOfMay)))
                .extracting(Amendment::confirmedStatementId).containsExactly("STATEMENT-530600-2020-05");
    }

    private static StatementPeriod period(int month) {
        return new StatementPeriod("530600", YearMonth.of(2020, month));
    }

    /** A fact recorded, by the event store's clock, long before its position says it reached the ledger. */
    private static RecordedFact fact(String clueId, Instant occurredAt, long position) {
        return new RecordedFact(clueId, FactKind.FEEDBACK_ACKNOWLEDGED, POLICE, occurredAt, occurredAt, position,
                true);
    }

    /** 09:00 on the day, UTC+8. */
    private static Instant at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0).toInstant(ExchangeTime.CHINA_STANDARD_TIME);
    }
}
