package org.clueexchange.core.reconciliation.monthly;

import static org.clueexchange.wire.ExchangeTime.CHINA_STANDARD_TIME;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.clueexchange.wire.Jurisdictions;
import org.clueexchange.wire.StatementId;

/**
 * One jurisdiction's calendar month, cut in China Standard Time: the scope of one monthly statement, named
 * {@code STATEMENT-530600-2020-06}.
 */
public record StatementPeriod(String jurisdiction, YearMonth month) {


    public StatementPeriod {
        if (!Jurisdictions.isValid(jurisdiction)) {
            throw new IllegalArgumentException("'" + jurisdiction + "' is not a six-digit GB/T 2260 code");
        }
    }

    public static StatementPeriod of(String jurisdiction, String month) {
        try {
            return new StatementPeriod(jurisdiction, YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + month + "' is not a month like 2020-06", e);
        }
    }

    public String id() {
        return new StatementId(jurisdiction, month.toString()).toString();
    }

    /** 00:00 on the first day of the month, UTC+8. */
    public Instant start() {
        return month.atDay(1).atStartOfDay().toInstant(CHINA_STANDARD_TIME);
    }

    /** 00:00 on the first day of the next month, UTC+8: the statement counts what had occurred before it. */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(CHINA_STANDARD_TIME);
    }

    /** The month in which {@code at} falls, in UTC+8. */
    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atOffset(CHINA_STANDARD_TIME));
    }
}
