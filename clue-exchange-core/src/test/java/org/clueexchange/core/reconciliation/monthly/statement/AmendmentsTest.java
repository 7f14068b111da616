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
import org.clueexchange.core.reconciliation.monthly.StatementPeriod;
import org.clueexchange.events.AgencyType;
import org.clueexchange.wire.ExchangeTime;
import org.junit.jupiter.api.Test;

/**
 * Which statement carries a fact that reached the ledger after its month's statement was confirmed: Zhaotong's
 * statements for March, April and May 2020 confirmed on the 5th, 6th and 8th of the next month, times in UTC+8.
 */
class AmendmentsTest {

    private static final AgencyId POLICE = new AgencyId(AgencyType.POLICE, "530602");
    private static final Map<YearMonth, Instant> CONFIRMED = Map.of(
            YearMonth.of(2020, 3), at(2020, 4, 5, 10),
            YearMonth.of(2020, 4), at(2020, 5, 6, 10),
            YearMonth.of(2020, 5), at(2020, 6, 8, 10));

    @Test
    void aFactForAMonthAlreadyConfirmedIsCarriedByTheFirstStatementStillOpenWhenItArrived() {
        RecordedFact afterMarchConfirmed = fact("A", at(2020, 3, 20, 9), at(2020, 4, 10, 9));
        RecordedFact afterMayConfirmed = fact("B", at(2020, 3, 20, 9), at(2020, 6, 10, 9));
        RecordedFact lateForMay = fact("C", at(2020, 5, 30, 9), at(2020, 6, 9, 9));
        List<RecordedFact> recorded = List.of(afterMarchConfirmed, afterMayConfirmed, lateForMay);

        assertThat(MonthlyStatementBuilder.carried(period(4), CONFIRMED, recorded))
                .extracting(Amendment::clueId, Amendment::confirmedStatementId)
                .containsExactly(tuple("A", "STATEMENT-530600-2020-03"));
        assertThat(MonthlyStatementBuilder.carried(period(5), CONFIRMED, recorded)).isEmpty();
        assertThat(MonthlyStatementBuilder.carried(period(6), CONFIRMED, recorded))
                .extracting(Amendment::clueId, Amendment::confirmedStatementId)
                .containsExactly(tuple("B", "STATEMENT-530600-2020-03"), tuple("C", "STATEMENT-530600-2020-05"));
    }

    @Test
    void aFactThatArrivedBeforeItsMonthWasConfirmedOrForAMonthNeverConfirmedAmendsNothing() {
        RecordedFact beforeMayConfirmed = fact("D", at(2020, 5, 30, 9), at(2020, 6, 7, 9));
        RecordedFact februaryUnconfirmed = fact("E", at(2020, 2, 20, 9), at(2020, 6, 10, 9));

        assertThat(MonthlyStatementBuilder.carried(period(6), CONFIRMED, List.of(beforeMayConfirmed,
                februaryUnconfirmed))).isEmpty();
    }

    @Test
    void theLastMinuteOfAMonthInChinaStandardTimeBelongsToThatMonth() {
        // 23:59 on 31 May in UTC+8 is still 31 May, though it is 15:59 UTC.
        RecordedFact lastMinuteOfMay = fact("F", at(2020, 5, 31, 23).plusSeconds(59 * 60), at(2020, 6, 9, 9));

        assertThat(MonthlyStatementBuilder.carried(period(6), CONFIRMED, List.of(lastMinuteOfMay)))
                .extracting(Amendment::confirmedStatementId).containsExactly("STATEMENT-530600-2020-05");
    }

    private static StatementPeriod period(int month) {
        return new StatementPeriod("530600", YearMonth.of(2020, month));
    }

    private static RecordedFact fact(String clueId, Instant occurredAt, Instant recordedAt) {
        return new RecordedFact(clueId, FactKind.FEEDBACK_ACKNOWLEDGED, POLICE, occurredAt, recordedAt);
    }

    private static Instant at(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).toInstant(ExchangeTime.CHINA_STANDARD_TIME);
    }
}
