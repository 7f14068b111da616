package org.clueexchange.wire;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of a monthly statement: one jurisdiction's calendar month, {@code STATEMENT-530600-2020-06}. The core
 * names its statements so, and an agency confirms one by this id.
 */
public record StatementId(String jurisdiction, YearMonth month) {

    /** A calendar month, as a regular expression: 2020-06. */
    public static final String MONTH_PATTERN = "[0-9]{4}-(0[1-9]|1[0-2])";

    private static final Pattern FORM = Pattern.compile(
            "STATEMENT-(" + Jurisdictions.CODE_PATTERN + ")-(" + MONTH_PATTERN + ")");

    /** What {@link #parse} accepts, for messages that refuse anything else. */
    public static final String EXAMPLE = "STATEMENT-530600-2020-06";

    /** The statement {@code id} names, if it is one. */
    public static Optional<StatementId> parse(String id) {
        Matcher statement = FORM.matcher(id);
        return statement.matches()
                ? Optional.of(new StatementId(statement.group(1), YearMonth.parse(statement.group(2))))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return "STATEMENT-" + jurisdiction + "-" + month;
    }
}
