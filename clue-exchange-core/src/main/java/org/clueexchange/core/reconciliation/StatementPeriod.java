package org.clueexchange.core.reconciliation;

import static org.clueexchange.wire.ExchangeTime.CHINA_STANDARD_TIME;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.clueexchange.wire.Jurisdictions;
import org.clueexchange.wire.StatementId;

/**
 * One jurisdiction's calendar month or calendar quarter, cut in China Standard Time: the scope of one statement,
 * named {@code STATEMENT-530600-2020-06} or {@code STATEMENT-530600-2020-Q3}.
 *
 * @param firstMonth the month itself, or the quarter's first month (January, April, July, October)
 */
public record StatementPeriod(String jurisdiction, Cadence cadence, YearMonth firstMonth) {

    public StatementPeriod {
        if (!Jurisdictions.isValid(jurisdiction)) {
            throw new IllegalArgumentException("'" + jurisdiction + "' is not a six-digit GB/T 2260 code");
        }
        if ((firstMonth.getMonthValue() - 1) % cadence.months() != 0) {
            throw new IllegalArgumentException(firstMonth + " starts no " + cadence.unit());
        }
    }

    /** A jurisdiction's month. */
    public StatementPeriod(String jurisdiction, YearMonth month) {
        this(jurisdiction, Cadence.MONTHLY, month);
    }

    /** The period written as a month ({@code 2020-06}) or a quarter ({@code 2020-Q3}). */
    public static StatementPeriod of(String jurisdiction, String period) {
        if (period.matches(StatementId.QUARTER_PATTERN)) {
            int quarter = period.charAt(period.length() - 1) - '0';
            return new StatementPeriod(jurisdiction, Cadence.QUARTERLY,
                    YearMonth.of(Integer.parseInt(period.substring(0, 4)), 3 * quarter - 2));
        }
        try {
            return new StatementPeriod(jurisdiction, YearMonth.parse(period));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + period + "' is not a month like 2020-06 nor a quarter like "
                    + "2020-Q3", e);
        }
    }

    /** The period of that cadence, written as {@link Cadence#periodPattern} says. */
    public static StatementPeriod of(String jurisdiction, Cadence cadence, String period) {
        if (!period.matches(cadence.periodPattern())) {
            throw new IllegalArgumentException("'" + period + "': " + cadence.periodRule());
        }
        return of(jurisdiction, period);
    }

    /** The period a statement id names. */
    public static StatementPeriod of(StatementId statement) {
        return of(statement.jurisdiction(), statement.period());
    }

    /** The month or quarter of that cadence in which {@code at} falls, in UTC+8. */
    public static StatementPeriod containing(String jurisdiction, Cadence cadence, Instant at) {
        YearMonth month = monthOf(at);
        return new StatementPeriod(jurisdiction, cadence,
                month.minusMonths((month.getMonthValue() - 1) % cadence.months()));
    }

    /** The month in which {@code at} falls, in UTC+8. */
    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atOffset(CHINA_STANDARD_TIME));
    }

    /** As the statement id writes it: {@code 2020-06}, {@code 2020-Q3}. */
    public String name() {
        return cadence == Cadence.MONTHLY ? firstMonth.toString()
                : firstMonth.getYear() + "-Q" + ((firstMonth.getMonthValue() + 2) / 3);
    }

    public String id() {
        return new StatementId(jurisdiction, name()).toString();
    }

    /** The period of the same cadence just before this one. */
    public StatementPeriod previous() {
        return new StatementPeriod(jurisdiction, cadence, firstMonth.minusMonths(cadence.months()));
    }

    /** The period of the same cadence just after this one. */
    public StatementPeriod next() {
        return new StatementPeriod(jurisdiction, cadence, firstMonth.plusMonths(cadence.months()));
    }

    /** The period's last month. */
    public YearMonth lastMonth() {
        return firstMonth.plusMonths(cadence.months() - 1L);
    }

    /** 00:00 on the period's first day, UTC+8. */
    public Instant start() {
        return firstMonth.atDay(1).atStartOfDay().toInstant(CHINA_STANDARD_TIME);
    }

    /** 00:00 on the first day after the period, UTC+8: the statement counts what had occurred before it. */
    public Instant end() {
        return firstMonth.plusMonths(cadence.months()).atDay(1).atStartOfDay().toInstant(CHINA_STANDARD_TIME);
    }

    /**
     * The jurisdiction's level: a province's statement covers its prefectures and counties, a prefecture's its
     * counties.
     */
    public String scope() {
        if (jurisdiction.endsWith("0000")) {
            return "省级 province, with its prefectures and counties";
        }
        if (jurisdiction.endsWith("00")) {
            return "市级 prefecture, with its counties";
        }
        return "县级 county";
    }
}
