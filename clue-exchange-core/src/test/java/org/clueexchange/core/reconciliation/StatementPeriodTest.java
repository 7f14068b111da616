package org.clueexchange.core.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class StatementPeriodTest {

    @Test
    void anInstantBelongsToThePeriodOfItsDateInChina() {
        Instant firstOfJulyInChina = Instant.parse("2020-06-30T16:30:00Z");

        assertThat(StatementPeriod.containing("530600", Cadence.QUARTERLY, firstOfJulyInChina).id())
                .isEqualTo("STATEMENT-530600-2020-Q3");
        assertThat(StatementPeriod.containing("530600", Cadence.MONTHLY, firstOfJulyInChina).id())
                .isEqualTo("STATEMENT-530600-2020-07");
        assertThat(StatementPeriod.containing("530600", Cadence.QUARTERLY, Instant.parse("2020-06-30T15:59:59Z"))
                .name()).isEqualTo("2020-Q2");
    }

    @Test
    void aQuarterSpansItsThreeMonthsFromMidnightInChina() {
        StatementPeriod q3 = StatementPeriod.of("530600", "2020-Q3");

        assertThat(q3.cadence()).isEqualTo(Cadence.QUARTERLY);
        assertThat(q3.firstMonth()).isEqualTo(YearMonth.of(2020, 7));
        assertThat(q3.lastMonth()).isEqualTo(YearMonth.of(2020, 9));
        assertThat(q3.start()).isEqualTo(Instant.parse("2020-06-30T16:00:00Z"));
        assertThat(q3.end()).isEqualTo(Instant.parse("2020-09-30T16:00:00Z"));
        assertThat(StatementPeriod.of("530600", "2020-Q1").firstMonth()).isEqualTo(YearMonth.of(2020, 1));
        assertThat(StatementPeriod.of("530600", "2020-Q4").lastMonth()).isEqualTo(YearMonth.of(2020, 12));
    }

    @Test
    void theQuarterBeforeTheFirstIsTheLastOfTheYearBefore() {
        assertThat(StatementPeriod.of("530600", "2021-Q1").previous().id()).isEqualTo("STATEMENT-530600-2020-Q4");
        assertThat(StatementPeriod.of("530600", "2021-01").previous().id()).isEqualTo("STATEMENT-530600-2020-12");
        assertThat(StatementPeriod.of("530600", "2020-Q2").previous().end())
                .isEqualTo(StatementPeriod.of("530600", "2020-Q2").start());
    }

    @Test
    void aMonthStaysWhatItWas() {
        StatementPeriod june = StatementPeriod.of("530600", "2020-06");

        assertThat(june).isEqualTo(new StatementPeriod("530600", YearMonth.of(2020, 6)));
        assertThat(june.name()).isEqualTo("2020-06");
        assertThat(june.start()).isEqualTo(Instant.parse("2020-05-31T16:00:00Z"));
        assertThat(june.end()).isEqualTo(Instant.parse("2020-06-30T16:00:00Z"));
    }

    @Test
    void aPeriodIsWrittenAsItsCadenceWritesIt() {
        assertThatThrownBy(() -> StatementPeriod.of("530600", Cadence.MONTHLY, "2020-Q3"))
                .hasMessageContaining("must be a month like 2020-06");
        assertThatThrownBy(() -> StatementPeriod.of("530600", Cadence.QUARTERLY, "2020-07"))
                .hasMessageContaining("must be a quarter like 2020-Q3");
        assertThatThrownBy(() -> StatementPeriod.of("530600", "2020-Q5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StatementPeriod("530600", Cadence.QUARTERLY, YearMonth.of(2020, 8)))
                .hasMessageContaining("starts no quarter");
        assertThatThrownBy(() -> StatementPeriod.of("5306", "2020-Q3")).isInstanceOf(IllegalArgumentException.class);
    }
}
