package org.clueexchange.wire;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of a reconciliation statement: one jurisdiction's calendar month ({@code STATEMENT-530600-2020-06}, 一月一对账)
 * or calendar quarter ({@code STATEMENT-530600-2020-Q3}, 一季度一对账), cut in China Standard Time. The core names its
 * statements so, and an agency confirms one by this id.
 *
 * @param period the month ({@code 2020-06}) or the quarter ({@code 2020-Q3}), as the id and confirmations write it
 */
public record StatementId(String jurisdiction, String period) {

    /** A calendar month, as a regular expression: 2020-06. */
    public static final String MONTH_PATTERN = "[0-9]{4}-(0[1-9]|1[0-2])";
    /** A calendar quarter, as a regular expression: 2020-Q3. */
    public static final String QUARTER_PATTERN = "[0-9]{4}-Q[1-4]";

    private static final Pattern FORM = Pattern.compile(
            "STATEMENT-(" + Jurisdictions.CODE_PATTERN + ")-(" + MONTH_PATTERN + "|" + QUARTER_PATTERN + ")");

    /** What {@link #parse} accepts, for messages that refuse anything else. */
    public static final String EXAMPLE = "STATEMENT-530600-2020-06 (a month) or STATEMENT-530600-2020-Q3 (a quarter)";

    public StatementId {
        if (!FORM.matcher("STATEMENT-" + jurisdiction + "-" + period).matches()) {
            throw new IllegalArgumentException("'" + jurisdiction + "', '" + period + "' name no statement: "
                    + "a six-digit code and a month like 2020-06 or a quarter like 2020-Q3");
        }
    }

    /** The statement {@code id} names, if it is one. */
    public static Optional<StatementId> parse(String id) {
        Matcher statement = FORM.matcher(id);
        return statement.matches()
                ? Optional.of(new StatementId(statement.group(1), statement.group(2)))
                : Optional.empty();
    }

    /** Whether the statement is a quarter's (一季度一对账) rather than a month's. */
    public boolean quarterly() {
        return period.contains("Q");
    }

    @Override
    public String toString() {
        return "STATEMENT-" + jurisdiction + "-" + period;
    }
}
